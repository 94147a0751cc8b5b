import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { asTuples } from 'trigram-utils';

/**
 * franc's answer (`franc(text, { minLength })`), computed from franc's own models and its own trigram
 * reader, only faster: franc compares a text with each of its 126 Latin-script languages in turn, a
 * dictionary lookup per trigram per language (about nine tenths of the import's language reading,
 * about 3 ms for a 1,500-character piece). Here each trigram is looked up once, in an index from trigram to
 * the languages whose model holds it and its rank there; a language whose model lacks a trigram adds the
 * same fixed penalty franc adds. The sums, and so the answer with franc's order among equals, are
 * franc's: `tests/unit/suggest/franc-index.test.ts` checks them against franc itself on real text in nineteen
 * languages and on mixed and empty text, and fails when a newer franc reads otherwise.
 */
export function closestLanguage(text: string, minLength: number): string {
  if (!text || text.length < minLength) return UNDETERMINED;
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const index = script === undefined ? undefined : indexOf(script);
  if (!index) return script === undefined || share === 0 ? UNDETERMINED : script;
  const tuples = asTuples(value);
  const distances = new Float64Array(index.languages.length).fill(tuples.length * MAX_DIFFERENCE);
  for (const [trigram, count] of tuples) {
    const postings = index.postings.get(trigram);
    if (!postings) continue;
    for (let i = 0; i < postings.length; i += 2) {
      distances[postings[i]!]! += Math.abs(count - postings[i + 1]! - 1) - MAX_DIFFERENCE;
    }
  }
  // The first language at the least distance, as franc's stable sort leaves it.
  let best = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i]! < distances[best]!) best = i;
  return index.languages[best]!;
}

const UNDETERMINED = 'und';
/** franc reads at most this much of a text, and adds this much for a trigram a language's model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** The script most of the text is written in (franc's expressions, the first of equals), with its share. */
function topScript(value: string): [string | undefined, number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) [top, topShare] = [script, share];
  }
  return [top, topShare];
}

interface ScriptIndex {
  /** The script's languages, in franc's order. */
  readonly languages: readonly string[];
  /** Each trigram: pairs of (language's place in `languages`, the trigram's rank in its model). */
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

const indexes = new Map<string, ScriptIndex | undefined>();

/** The script's index, built the first time a text in it is read (Latin's, the largest: about 70 ms on this 2-core machine, once per worker thread). */
function indexOf(script: string): ScriptIndex | undefined {
  if (indexes.has(script)) return indexes.get(script);
  const models = Object.hasOwn(data, script) ? data[script] : undefined;
  let index: ScriptIndex | undefined;
  if (models) {
    const languages = Object.keys(models);
    const postings = new Map<string, number[]>();
    languages.forEach((language, place) => {
      // A trigram listed twice in a model keeps its first rank, as franc's table does.
      const ranks = new Map<string, number>();
      const model = models[language]!.split('|');
      for (let rank = model.length - 1; rank >= 0; rank--) ranks.set(model[rank]!, rank);
      for (const [trigram, rank] of ranks) {
        let list = postings.get(trigram);
        if (!list) postings.set(trigram, (list = []));
        list.push(place, rank);
      }
    });
    index = { languages, postings };
  }
  indexes.set(script, index);
  return index;
}
