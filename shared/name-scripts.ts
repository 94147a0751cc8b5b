/**
 * Names across scripts: the same person written in Latin letters on one record and in Arabic, Persian,
 * Hebrew, Greek or Cyrillic letters on another. Alphabets (Greek, Cyrillic) are transliterated letter by
 * letter, so "Παπαδοπούλου" reads "papadopoulou" and "Иванов" "ivanov". Arabic and Persian script (and
 * Hebrew) write few vowels, and Latin spellings of one name vary ("Mohammad", "Muhammad", "Mohamed";
 * "Hosseini", "Husseini"), so a name in those scripts is compared by its consonants: "محمد" and
 * "Mohammad" are both m-h-m-d. Such a match is a likely match, not a certainty: two names with the same
 * consonants are not always one name, which is why it only tells apart "likely the patient" from "someone
 * else", beside the date of birth.
 */

/** Greek and Cyrillic letters in Latin (as passports and most hospitals write them). */
const ALPHABET: Readonly<Record<string, string>> = {
  // Greek (monotonic, after NFD removed the accents).
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  // Cyrillic (Russian, Ukrainian, Bulgarian, Serbian).
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz',
};

/**
 * Arabic, Persian and Hebrew letters as consonant classes; '' for a letter that is a vowel or a glottal
 * stop as often as not (alef, waw, yeh, ayn, hamza), which Latin spellings leave out or write as vowels.
 * "a|b": either, as the name's language says it (ض is d in Arabic "Rady", z in Persian "Rezaei"; ث is th
 * in Arabic, s in Persian).
 */
const ABJAD: Readonly<Record<string, string>> = {
  ب: 'b', پ: 'p', ت: 't', ط: 't', ث: 't|s', ج: 'j', چ: 'c', ح: 'h', ه: 'h', ة: 'h', خ: 'x', د: 'd', ذ: 'z|d', ر: 'r', ز: 'z', ژ: 'zh',
  ض: 'z|d', ظ: 'z', س: 's', ص: 's', ش: 'S', غ: 'q', ق: 'q', ف: 'f', ک: 'k', ك: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n',
  ا: '', آ: '', أ: '', إ: '', ء: '', ئ: '', ؤ: '', ع: '', و: '', ی: '', ي: '', ى: '',
  // Hebrew.
  ב: 'b', ג: 'g', ד: 'd', ה: 'h', ז: 'z', ח: 'h', ט: 't', כ: 'k', ך: 'k', ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', פ: 'f',
  ף: 'f', צ: 'ts', ץ: 'ts', ק: 'q', ר: 'r', ש: 'S', ת: 't', א: '', ו: '', י: '', ע: '',
};

const ABJAD_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\u05D0-\u05EA]/u;

/** The name is in Arabic, Persian or Hebrew letters (written mostly without vowels). */
export function isAbjad(word: string): boolean {
  return ABJAD_LETTER.test(word);
}

/** A word in Greek or Cyrillic letters in Latin ones; any other word as it is. */
export function latinOf(word: string): string {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Greek pairs that are one sound: ου is "ou", αυ/ευ "av"/"ev", γγ/γκ "ng" ("Παπαδοπούλου" is Papadopoulou).
  const paired = bare.replace(/ου/g, 'ou').replace(/αυ/g, 'av').replace(/ευ/g, 'ev').replace(/γ[γκ]/g, 'ng');
  return [...paired].map((c) => ALPHABET[c] ?? c).join('');
}

/** Latin spellings that stand for one consonant, longest first, as their class. */
const LATIN_CLASSES: readonly (readonly [RegExp, string])[] = [
  [/sch|sh/g, 'S'],
  [/kh/g, 'x'],
  [/gh|q/g, 'q'],
  [/ch|tch/g, 'c'],
  [/zh/g, 'zh'],
  [/dh/g, 'z'],
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/ck|c(?=[aou]|$)|c(?![eiy])/g, 'k'],
  [/c/g, 's'],
  [/x/g, 'ks'],
];

/** The ways an Arabic, Persian or Hebrew word's consonants may be read (one per choice of its "a|b" letters; a few at most). */
function abjadReadings(word: string): string[] {
  // The Arabic article (al-, el-) is written joined to the name: "الحسيني" is (al-)Husseini.
  const bare = word.normalize('NFC').replace(/^ال(?=.{3})/u, '');
  let readings = [''];
  for (const c of bare) {
    const options = (ABJAD[c] ?? '').split('|');
    readings = readings.flatMap((r) => options.map((o) => r + o)).slice(0, 16);
  }
  return [...new Set(readings.map(tidy))];
}

/** A doubled consonant once, and a last h (Fatemeh, فاطمه) dropped. */
function tidy(skeleton: string): string {
  return skeleton.replace(/(.)\1+/g, '$1').replace(/h$/, '');
}

/**
 * A name's consonants as compared across scripts: classes of letters that transliterations mix up
 * (ق/غ and q/gh; ص/س and s; ظ/ذ/ز and z), vowels and the letters that are vowels as often as not
 * (w, y, v) left out, a doubled consonant once, and a last h (Fatemeh, فاطمه) dropped. An Arabic,
 * Persian or Hebrew word gives its first reading (see abjadReadings for all).
 */
export function consonants(word: string): string {
  let out: string;
  if (isAbjad(word)) {
    return abjadReadings(word)[0]!;
  } else {
    out = latinOf(word)
      .replace(/^(al|el)-/, '')
      .replace(/[^a-z]/g, '');
    for (const [pattern, cls] of LATIN_CLASSES) out = out.replace(pattern, cls);
    out = out.replace(/[aeiouyvw']/g, '');
  }
  return tidy(out);
}

/** Every reading of a word's consonants: several for an Arabic, Persian or Hebrew word, one for any other. */
function readings(word: string): string[] {
  return isAbjad(word) ? abjadReadings(word) : [consonants(word)];
}

/**
 * Two words of names are one name written in two scripts: a Greek or Cyrillic word is compared with a
 * Latin one letter by letter, else (Sergei, Сергей "sergey") by its consonants; an Arabic, Persian or
 * Hebrew word by its consonants. At least `least` consonants: one, as in "Ali", says too little alone,
 * and is enough only for a given name beside a family name that matched.
 */
export function sameAcrossScripts(a: string, b: string, least = 2): boolean {
  if (!isAbjad(a) && !isAbjad(b) && latinOf(a) === latinOf(b)) return true;
  const theirs = new Set(readings(b));
  return readings(a).some((r) => r.length >= least && theirs.has(r));
}
