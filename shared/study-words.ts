/**
 * What Casebinder says about an imaging study (is it what a second-opinion radiologist can read?), in
 * each language the window speaks: ICU MessageFormat messages, English the source and exactly what the
 * command line prints. Said through `shared/said.ts`; a series' description, a report's title and a
 * transfer syntax's name go in as written.
 */

export const STUDY_EN = {
  'series-label': 'series {number}{described, select, yes { “{description}”} other {}}',
  'some-of': '{items}{more, plural, =0 {} other { and # more}}',
  'series-lossy-syntax': '{series} ({syntax})',
  'series-lossy-flag': '{series} (compressed with loss before it was stored this way)',
  'ready-dicomdir': 'The images came with their disc index (DICOMDIR), so the whole disc could be checked.',
  'ready-no-dicomdir':
    'No disc index (DICOMDIR) came with these images, so nothing shows whether every file of the study is here. The bundle writes one for the specialist’s viewer; if the files were copied from a disc, import the whole disc.',
  'ready-some-dicomdir': 'Only {yes} of {known} files came with a disc index (DICOMDIR); the others were added from elsewhere.',
  'ready-no-images': 'This study holds no images, only reports or other objects. Ask the imaging center for the images themselves.',
  'ready-acquired': 'The images are as the scanner acquired them (not screenshots or secondary captures).',
  'ready-all-captured':
    'Every series is a secondary capture or derived picture ({series}): pictures of images, such as screenshots or key images, not the images as acquired. A radiologist needs the full study: ask the imaging center for the original images on a disc.',
  'ready-some-captured': 'Some series are secondary captures or derived pictures ({series}); the others are the images as acquired.',
  'ready-lossless': 'No lossy compression: the images hold every detail the scanner recorded.',
  'ready-lossy': 'Compressed with loss of detail: {series}. Fine for looking; for a formal reading a radiologist may ask for the uncompressed images.',
  'ready-thickness-unknown': 'The CT files do not say their slice thickness, so it is not known whether thin slices are here.',
  'ready-thin': 'Thin CT slices are here ({mm, number} mm), which a radiologist can reconstruct in any plane.',
  'ready-thick': 'Only thick CT reconstructions (thinnest {mm, number} mm). A radiologist usually wants the thin slices ({thin, number} mm or less): ask the imaging center for the thin-slice series.',
  'ready-report': 'The radiologist’s report is in the library: {reports}.',
  'ready-no-report': 'No radiologist’s report matching this study is in the library. Ask the imaging center for the report that goes with these images.',
  'report-found': '“{title}” ({how})',
  'how-accession': 'accession number {number}',
  'how-same-date': 'same date, “{named}”',
  'in-study-sr': 'a structured report in {series}',
  'in-study-pdf': 'a PDF report in {series}',
} as const;

export type StudyKey = keyof typeof STUDY_EN;

export const STUDY_ES: Readonly<Record<StudyKey, string>> = {
  'series-label': 'serie {number}{described, select, yes { «{description}»} other {}}',
  'some-of': '{items}{more, plural, =0 {} one { y # más} other { y # más}}',
  'series-lossy-syntax': '{series} ({syntax})',
  'series-lossy-flag': '{series} (comprimida con pérdida antes de guardarse así)',
  'ready-dicomdir': 'Las imágenes llegaron con su índice de disco (DICOMDIR), así que se pudo comprobar el disco entero.',
  'ready-no-dicomdir':
    'Estas imágenes no llegaron con un índice de disco (DICOMDIR), así que nada muestra si están aquí todos los archivos del estudio. El paquete escribe uno para el visor del especialista; si los archivos se copiaron de un disco, importe el disco entero.',
  'ready-some-dicomdir': 'Solo {yes} de {known} archivos llegaron con un índice de disco (DICOMDIR); los demás se añadieron desde otro lugar.',
  'ready-no-images': 'Este estudio no contiene imágenes, solo informes u otros objetos. Pida al centro de imagen las propias imágenes.',
  'ready-acquired': 'Las imágenes están tal como las adquirió el equipo (no son capturas de pantalla ni capturas secundarias).',
  'ready-all-captured':
    'Todas las series son capturas secundarias o imágenes derivadas ({series}): fotos de imágenes, como capturas de pantalla o imágenes clave, no las imágenes tal como se adquirieron. Un radiólogo necesita el estudio completo: pida al centro de imagen las imágenes originales en un disco.',
  'ready-some-captured': 'Algunas series son capturas secundarias o imágenes derivadas ({series}); las demás son las imágenes tal como se adquirieron.',
  'ready-lossless': 'Sin compresión con pérdida: las imágenes conservan todo el detalle que registró el equipo.',
  'ready-lossy': 'Comprimidas con pérdida de detalle: {series}. Sirven para mirarlas; para una lectura formal, un radiólogo puede pedir las imágenes sin comprimir.',
  'ready-thickness-unknown': 'Los archivos de TC no indican el grosor de corte, así que no se sabe si hay cortes finos.',
  'ready-thin': 'Hay cortes finos de TC ({mm, number} mm), que un radiólogo puede reconstruir en cualquier plano.',
  'ready-thick': 'Solo hay reconstrucciones gruesas de TC (la más fina de {mm, number} mm). Un radiólogo suele querer los cortes finos ({thin, number} mm o menos): pida al centro de imagen la serie de cortes finos.',
  'ready-report': 'El informe del radiólogo está en la biblioteca: {reports}.',
  'ready-no-report': 'No hay en la biblioteca ningún informe del radiólogo que corresponda a este estudio. Pida al centro de imagen el informe que acompaña a estas imágenes.',
  'report-found': '«{title}» ({how})',
  'how-accession': 'número de acceso {number}',
  'how-same-date': 'misma fecha, «{named}»',
  'in-study-sr': 'un informe estructurado en la {series}',
  'in-study-pdf': 'un informe PDF en la {series}',
};

export const STUDY_AR: Readonly<Record<StudyKey, string>> = {
  'series-label': 'السلسلة {number}{described, select, yes { «{description}»} other {}}',
  'some-of': '{items}{more, plural, =0 {} other { و{more} أخرى}}',
  'series-lossy-syntax': '{series} ({syntax})',
  'series-lossy-flag': '{series} (ضُغطت مع فقد قبل حفظها بهذا الشكل)',
  'ready-dicomdir': 'جاءت الصور مع فهرس قرصها (DICOMDIR)، فأمكن فحص القرص كاملًا.',
  'ready-no-dicomdir':
    'لم يأتِ مع هذه الصور فهرس قرص (DICOMDIR)، فلا شيء يبيّن إن كانت كل ملفات الدراسة هنا. تكتب الحزمة فهرسًا لعارض الأخصائي؛ وإن نُسخت الملفات من قرص فاستورد القرص كاملًا.',
  'ready-some-dicomdir': '{yes} فقط من {known} ملفًا جاءت مع فهرس قرص (DICOMDIR)؛ والبقية أُضيفت من مكان آخر.',
  'ready-no-images': 'لا تحوي هذه الدراسة صورًا، بل تقارير أو كائنات أخرى فقط. اطلب من مركز التصوير الصور نفسها.',
  'ready-acquired': 'الصور كما التقطها الجهاز (ليست لقطات شاشة ولا التقاطات ثانوية).',
  'ready-all-captured':
    'كل السلاسل التقاطات ثانوية أو صور مشتقة ({series}): صور للصور، مثل لقطات الشاشة أو الصور المفتاحية، لا الصور كما التُقطت. يحتاج أخصائي الأشعة إلى الدراسة كاملة: اطلب من مركز التصوير الصور الأصلية على قرص.',
  'ready-some-captured': 'بعض السلاسل التقاطات ثانوية أو صور مشتقة ({series})؛ والبقية هي الصور كما التُقطت.',
  'ready-lossless': 'لا ضغط مع فقد: تحتفظ الصور بكل تفصيل سجّله الجهاز.',
  'ready-lossy': 'مضغوطة مع فقد في التفاصيل: {series}. مناسبة للاطلاع؛ أما للقراءة الرسمية فقد يطلب أخصائي الأشعة الصور غير المضغوطة.',
  'ready-thickness-unknown': 'لا تذكر ملفات التصوير المقطعي سماكة المقطع، فلا يُعرف إن كانت المقاطع الرقيقة هنا.',
  'ready-thin': 'المقاطع الرقيقة للتصوير المقطعي موجودة ({mm, number} مم)، ويمكن لأخصائي الأشعة إعادة بنائها في أي مستوى.',
  'ready-thick': 'لا توجد إلا إعادات بناء سميكة للتصوير المقطعي (أرقها {mm, number} مم). يريد أخصائي الأشعة عادةً المقاطع الرقيقة ({thin, number} مم أو أقل): اطلب من مركز التصوير سلسلة المقاطع الرقيقة.',
  'ready-report': 'تقرير أخصائي الأشعة في المكتبة: {reports}.',
  'ready-no-report': 'لا يوجد في المكتبة تقرير أخصائي أشعة يطابق هذه الدراسة. اطلب من مركز التصوير التقرير المرافق لهذه الصور.',
  'report-found': '«{title}» ({how})',
  'how-accession': 'رقم الإحالة {number}',
  'how-same-date': 'التاريخ نفسه، «{named}»',
  'in-study-sr': 'تقرير منظم في {series}',
  'in-study-pdf': 'تقرير PDF في {series}',
};
