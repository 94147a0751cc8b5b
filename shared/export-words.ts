/**
 * What an export tells the person about the bundle it wrote (a document it could not put into the packet,
 * letters its fonts lack, values the disc index had to supply), in each language the window speaks: ICU
 * MessageFormat messages, English the source (the command line prints the English). Said through
 * `shared/said.ts`.
 */

export const EXPORT_EN = {
  'export-pdf-failed': '"{title}" could not be put into the packet ({reason}); its original is in the bundle.',
  'export-picture-failed': 'The picture "{title}" could not be put into the packet ({reason}); its original is in the bundle.',
  'export-fonts-missing': "The packet's fonts have no letters for {letters}; they print as boxes. The originals are not affected.",
  'export-derived': '{title}: its files lack values the disc index (DICOMDIR) requires, so the index gives {values}. The image files themselves are unchanged.',
  'export-derived-study': 'An imaging study',
  'export-derived-value': '{keyword} {value} ({how})',
  'export-derived-series': "{count, plural, one {# series number} other {# series numbers}} from the series' places in the study",
  'export-derived-instances': "{count, plural, one {# instance number} other {# instance numbers}} from the images' places in their series",
  'derived-series-date': 'the date of its series, as the files give no study date',
  'derived-content-date': 'the date of its content, as the files give no study or series date',
  'derived-no-date': 'no date: neither the study nor its series give one, and the directory requires a value',
  'derived-no-time': 'no time: the files give none, and the directory requires a value',
  'derived-accession': 'its accession number, as the files give no study ID',
  'derived-bundle-place': 'its place in this bundle, as the files give no study ID or accession number',
  'derived-no-patient-id': 'the files give no patient ID',
  'derived-series-place': 'its place in the study, as its files give no series number',
  'derived-instance-place': 'its place in its series, as the file gives no instance number',
} as const;

export type ExportKey = keyof typeof EXPORT_EN;

export const EXPORT_ES: Readonly<Record<ExportKey, string>> = {
  'export-pdf-failed': 'No se pudo poner «{title}» en el expediente ({reason}); su original está en el paquete.',
  'export-picture-failed': 'No se pudo poner la imagen «{title}» en el expediente ({reason}); su original está en el paquete.',
  'export-fonts-missing': 'Las fuentes del expediente no tienen letras para {letters}; se imprimen como recuadros. Los originales no se ven afectados.',
  'export-derived': '{title}: a sus archivos les faltan valores que el índice del disco (DICOMDIR) exige, así que el índice da {values}. Los archivos de imagen no cambian.',
  'export-derived-study': 'Un estudio de imagen',
  'export-derived-value': '{keyword} {value} ({how})',
  'export-derived-series': '{count, plural, one {# número de serie} other {# números de serie}} según el lugar de cada serie en el estudio',
  'export-derived-instances': '{count, plural, one {# número de instancia} other {# números de instancia}} según el lugar de cada imagen en su serie',
  'derived-series-date': 'la fecha de su serie, porque los archivos no dan fecha del estudio',
  'derived-content-date': 'la fecha de su contenido, porque los archivos no dan fecha del estudio ni de la serie',
  'derived-no-date': 'sin fecha: ni el estudio ni sus series dan una, y el índice exige un valor',
  'derived-no-time': 'sin hora: los archivos no dan ninguna, y el índice exige un valor',
  'derived-accession': 'su número de acceso, porque los archivos no dan identificador del estudio',
  'derived-bundle-place': 'su lugar en este paquete, porque los archivos no dan identificador del estudio ni número de acceso',
  'derived-no-patient-id': 'los archivos no dan identificador del paciente',
  'derived-series-place': 'su lugar en el estudio, porque sus archivos no dan número de serie',
  'derived-instance-place': 'su lugar en su serie, porque el archivo no da número de instancia',
};

export const EXPORT_AR: Readonly<Record<ExportKey, string>> = {
  'export-pdf-failed': 'تعذّر وضع «{title}» في ملف الحالة ({reason})؛ أصله موجود في الحزمة.',
  'export-picture-failed': 'تعذّر وضع الصورة «{title}» في ملف الحالة ({reason})؛ أصلها موجود في الحزمة.',
  'export-fonts-missing': 'لا تحتوي خطوط ملف الحالة على الحروف {letters}؛ فتُطبع مربعات. الأصول لا تتأثر.',
  'export-derived': '{title}: تنقص ملفاته قيمًا يشترطها فهرس القرص (DICOMDIR)، فيعطي الفهرس {values}. ملفات الصور نفسها لم تتغير.',
  'export-derived-study': 'دراسة تصوير',
  'export-derived-value': '{keyword} {value} ({how})',
  'export-derived-series': '{count, plural, zero {لا أرقام سلاسل} one {رقم سلسلة واحد} two {رقما سلسلتين} few {# أرقام سلاسل} many {# رقم سلسلة} other {# رقم سلسلة}} من مواضع السلاسل في الدراسة',
  'export-derived-instances': '{count, plural, zero {لا أرقام صور} one {رقم صورة واحد} two {رقما صورتين} few {# أرقام صور} many {# رقم صورة} other {# رقم صورة}} من مواضع الصور في سلاسلها',
  'derived-series-date': 'تاريخ سلسلتها، إذ لا تعطي الملفات تاريخًا للدراسة',
  'derived-content-date': 'تاريخ محتواها، إذ لا تعطي الملفات تاريخًا للدراسة ولا للسلسلة',
  'derived-no-date': 'بلا تاريخ: لا تعطي الدراسة ولا سلاسلها تاريخًا، والفهرس يشترط قيمة',
  'derived-no-time': 'بلا وقت: لا تعطي الملفات وقتًا، والفهرس يشترط قيمة',
  'derived-accession': 'رقم الإدخال الخاص بها، إذ لا تعطي الملفات معرّفًا للدراسة',
  'derived-bundle-place': 'موضعها في هذه الحزمة، إذ لا تعطي الملفات معرّفًا للدراسة ولا رقم إدخال',
  'derived-no-patient-id': 'لا تعطي الملفات معرّفًا للمريض',
  'derived-series-place': 'موضعها في الدراسة، إذ لا تعطي ملفاتها رقم سلسلة',
  'derived-instance-place': 'موضعها في سلسلتها، إذ لا يعطي الملف رقم صورة',
};
