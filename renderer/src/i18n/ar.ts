/**
 * The window in Arabic (Modern Standard Arabic), translated from en.ts and laid out right to left: the
 * back arrow points right, numbers in the digits Arabic writes, the six plural forms Arabic has. A key
 * missing, or values not those of the English, fails tests/unit/window-i18n.test.ts.
 */
import type { MessageKey } from './en.ts';

export const ar: Record<MessageKey, string> = {
  'app.name': 'Casebinder',
  'app.opening': 'جارٍ فتح مكتبتك…',
  'app.openingViewer': 'جارٍ فتح العارض…',
  'app.dismiss': 'إغلاق',
  'header.back': '→ {label}',
  'welcome.title': 'مرحبًا بك في Casebinder',
  'welcome.lead':
    'اجمع السجلات التي يحتاجها الطبيب المختص لإبداء رأي ثانٍ: التقارير والصور الطبية ونتائج المختبر والرسائل وتوصية الجرّاح. يبقى كل شيء على هذا الحاسوب إلى أن تختار تصديره.',
  'welcome.whose': 'لمن هذه السجلات؟',
  'welcome.start': 'ابدأ بشخص واحد. يمكن لمن يتابع ملفات عدة مرضى إضافة أشخاص آخرين لاحقًا.',
  'welcome.continue': 'متابعة',
  'patientForm.name': 'الاسم الكامل',
  'patientForm.dateOfBirth': 'تاريخ الميلاد',
  'patientForm.dateOfBirthHint': '(يساعد على التمييز بين شخصين يحملان الاسم نفسه، وعلى اكتشاف سجلات تخص شخصًا آخر)',
  'addPatient.title': 'إضافة مريض',
  'addPatient.add': 'إضافة المريض',
  'common.cancel': 'إلغاء',
  'common.close': 'إغلاق',
  'library.patientDetails': 'بيانات المريض…',
  'library.search': 'ابحث في سجلات {name}',
  'library.importFiles': 'استيراد ملفات…',
  'library.importFolder': 'استيراد مجلد…',
  'library.cases': 'الحالات',
  'library.healthRecord': 'السجل الصحي',
  'library.settings': 'الإعدادات',
  'library.privacy': 'الخصوصية والنسخ الاحتياطية',
  'library.filters': 'عوامل التصفية',
  'library.trash': 'سلة المهملات',
  'library.searchResults': 'نتائج البحث',
  'library.documents': 'المستندات',
  'library.loading': 'جارٍ تحميل المستندات…',
  'library.noMatch': 'لا توجد مستندات تطابق عوامل التصفية هذه.',
  'library.emptyTitle': 'لا توجد سجلات بعد لـ{name}',
  'library.emptyText':
    'استورد ملفات PDF والمستندات الممسوحة ضوئيًا وصور السجلات الورقية، والقرص الذي أعطاك إياه مركز التصوير: مجلدًا كاملًا دفعة واحدة، أو بضعة ملفات، أو ملف ZIP، أو اسحبها وأفلتها في هذه النافذة.',
  'library.importFolderOfRecords': 'استيراد مجلد سجلات…',
  'library.chooseFiles': 'اختيار ملفات…',
  'library.summary':
    '{filtered, select, yes {{count, plural, zero {لا مستندات تطابق عوامل التصفية} one {مستند واحد يطابق عوامل التصفية} two {مستندان يطابقان عوامل التصفية} few {# مستندات تطابق عوامل التصفية} many {# مستندًا يطابق عوامل التصفية} other {# مستند يطابق عوامل التصفية}}} other {{count, plural, zero {لا مستندات} one {مستند واحد} two {مستندان} few {# مستندات} many {# مستندًا} other {# مستند}}}}، الأحدث رعايةً أولًا. القيم المكتوبة <i>بخط مائل</i> قُرئت من المستندات ولم تُؤكَّد بعد.',
  'library.compose': 'صوّرت مستندًا صفحةً صفحة؟ اجمع الصور في مستند واحد…',
  'settings.title': 'الإعدادات',
  'settings.language': 'اللغة',
  'settings.languageHint': 'كلمات هذه النافذة. تبقى سجلاتك وما تكتبه كما هي.',
  'settings.followSystem': 'مثل النظام ({language})',
  'settings.appearance': 'المظهر',
  'settings.theme': '{theme, select, system {اتباع النظام} light {فاتح} other {داكن}}',
  'settings.now': '(حاليًا {dark, select, yes {داكن} other {فاتح}})',
  'settings.ocrLanguages': 'لغات الصفحات الممسوحة ضوئيًا والصور',
  'settings.ocrHint': 'يقرأ التعرّف الضوئي على الحروف نص المستندات الممسوحة بهذه اللغات. اختر كل لغة كُتبت بها سجلاتك؛ كل لغة إضافية تجعل القراءة أبطأ قليلًا.',
  'settings.saveLanguages': 'حفظ اللغات',
  'settings.readAgain': 'إعادة قراءة كل الصفحات الممسوحة',
  'settings.chooseOne': 'اختر لغة واحدة على الأقل.',
  'settings.saved': 'تم الحفظ. ستُقرأ الصفحات من الآن فصاعدًا بهذه اللغات.',
  'settings.willReadAgain':
    '{count, plural, zero {لن تُعاد قراءة أي صفحة.} one {ستُعاد قراءة صفحة ممسوحة واحدة في الخلفية.} two {ستُعاد قراءة صفحتين ممسوحتين في الخلفية.} few {ستُعاد قراءة # صفحات ممسوحة في الخلفية.} many {ستُعاد قراءة # صفحة ممسوحة في الخلفية.} other {ستُعاد قراءة # صفحة ممسوحة في الخلفية.}}',
  'settings.libraryIn': 'مكتبتك موجودة في {path}. يبقى كل شيء على هذا الحاسوب.',
};
