/**
 * Bylines and datelines that pages repeat above or below the article ("By Jane Doe • Feb 8, 2020 •
 * 5 min read", "Updated 2:54pm", "Release Date:"). They are metadata, read from the page's markup,
 * not article text. A block is one when nothing is left of it once names after "By", dates, times
 * and their labels are taken out.
 */

const MONTH_OR_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?/giu;
const NUMERIC_DATE_OR_TIME = /\b\d{1,4}(?:(?:st|nd|rd|th)\b)?(?:[:/.-]\d{1,4}){0,2}\s*(?:[ap]\.?m\b\.?)?/giu;
const LABEL =
  /\b(?:(?:last )?updated|published|posted|modified|release date|news date|date|on|at|and|ago|today|yesterday|(?:a|an|\d+) (?:min(?:ute)?s?|hours?|days?) (?:read|ago)|read time|et|est|edt|gmt|bst|utc|cet|pst|pdt|hours?|mins?)\b:?/giu;
/** "By" and up to six words of a name or names ("By Jane Doe and John Roe", "by AP"). */
const BY_NAMES = /^\s*(?:[Ww]ritten |[Pp]osted |[Ww]ords )?[Bb]y\s*:?\s+[\p{Lu}][\p{L}'’.-]*(?:(?:\s+and\s+|\s*[,&]\s*|\s+)[\p{Lu}][\p{L}'’.-]*){0,5}/u;
const FILING = /\b(?:categor(?:y|ies)|filed under|section)\s*:.{0,60}$/iu;
const SEPARATORS = /[\s•·|,:;–—()[\]/-]+/gu;

/** True for a short block that is only a byline, a dateline, or the two. */
export function isBylineOrDateline(text: string, author?: string): boolean {
  if (text.length > 150) return false;
  const folded = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (author && (folded === author.toLowerCase().trim() || folded === `by ${author.toLowerCase().trim()}`)) return true;
  const rest = text.replace(BY_NAMES, ' ').replace(FILING, ' ').replace(MONTH_OR_DAY, ' ').replace(LABEL, ' ').replace(NUMERIC_DATE_OR_TIME, ' ').replace(SEPARATORS, '');
  // Something was taken out (a bare word is not a byline) and nothing is left.
  return rest === '' && /\d|\bby\b|date/i.test(text);
}
