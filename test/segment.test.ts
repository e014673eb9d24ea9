import { describe, expect, it } from 'vitest';
import { segmentText } from '../stages/segment/index.ts';
import { ingestContent, readSeed, SEED_FILES } from './helpers.ts';

function sentencesOf(text: string): string[] {
  return segmentText(text).sentences.map((sentence) => text.slice(sentence.start, sentence.end));
}

describe('segment', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'splits at a full stop with no space after it ("Nov. 25.Huawei", seed 000) but not after "Nov."',
      text: 'Krach said at a press conference on Nov. 25.Huawei, a Chinese telecommunication technology company, had at that time contracts.',
      expected: ['Krach said at a press conference on Nov. 25.', 'Huawei, a Chinese telecommunication technology company, had at that time contracts.'],
    },
    {
      name: 'does not end a sentence after "U.S." or "Aug." (seed 002)',
      text: 'Pompeo mentioned in April that the State Department was working on the Clean Path project and is now expanding it with five lines of activity, according to an Aug. 5 press release. Another component would remove applications from the U.S. application stores.',
      expected: [
        'Pompeo mentioned in April that the State Department was working on the Clean Path project and is now expanding it with five lines of activity, according to an Aug. 5 press release.',
        'Another component would remove applications from the U.S. application stores.',
      ],
    },
    {
      name: 'does not end a sentence after "Mr." or "Inc."',
      text: 'Mr. Smith said it has proven China Inc. is beatable. He left.',
      expected: ['Mr. Smith said it has proven China Inc. is beatable.', 'He left.'],
    },
    {
      name: 'ends a sentence inside a closing quote (seed 000)',
      text: '“Ecuador also reiterated its commitment,“ Michelena said in the statement. ”Ecuador supports the principles of the Clean Network initiative.” Krach agreed.',
      expected: ['“Ecuador also reiterated its commitment,“ Michelena said in the statement.', '”Ecuador supports the principles of the Clean Network initiative.”', 'Krach agreed.'],
    },
    {
      name: 'keeps a decimal number and a currency amount in one sentence',
      text: 'Gold reserves rose from $14.51 billion in 1938 to $20.08 billion in 1945. That is a lot.',
      expected: ['Gold reserves rose from $14.51 billion in 1938 to $20.08 billion in 1945.', 'That is a lot.'],
    },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => expect(sentencesOf(text)).toEqual(expected));
  }

  it('makes each blank-line-separated block a paragraph whose sentences lie inside it', () => {
    const text = 'First paragraph. It has two sentences.\n\nThe Clean Network\n\nThird one.';
    const { paragraphs, sentences } = segmentText(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First paragraph. It has two sentences.', 'The Clean Network', 'Third one.']);
    expect(sentences.map((s) => s.paragraph)).toEqual([1, 1, 2, 3]);
    for (const sentence of sentences) {
      const paragraph = paragraphs[sentence.paragraph - 1]!;
      expect(sentence.start).toBeGreaterThanOrEqual(paragraph.start);
      expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
    }
  });

  it('finds the seed sentences that carry the key figures, each whole', () => {
    const all = SEED_FILES.flatMap((file) => sentencesOf(ingestContent(file, readSeed(file)).text));
    expect(all).toContain('Huawei, a Chinese telecommunication technology company, had at that time “91 commercial contracts worldwide, including 47 from Europe,” Krach said.');
    expect(all).toContain('The United States and its allies believe that Huawei equipment may be used to spy for the Chinese government.');
    expect(all).toContain('Huawei has always denied this.');
    expect(all).toContain('“As a result, Huawei’s vaunted 90 deals have dwindled to just 12 outside of China.');
    // No sentence runs across a paragraph break, and none is only punctuation.
    for (const sentence of all) {
      expect(sentence).not.toContain('\n');
      expect(sentence).toMatch(/\p{L}/u);
    }
  });
});
