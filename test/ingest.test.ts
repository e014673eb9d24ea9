import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../pipeline/errors.ts';
import { decode, DecodeError, firstInvalidUtf8 } from '../stages/ingest/decode.ts';
import { ingestContent, readSeed } from './helpers.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('decode', () => {
  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const text = 'Pompeo said “trust” matters.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decode(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(decode(Buffer.from('\ufeffHello', 'utf8'))).toEqual({ text: 'Hello', encoding: 'utf-8' });
  });

  it('reads windows-1252 text and reports the first byte that is not UTF-8', () => {
    const bytes = iconv.encode('Café owners said the “deal” was off.', 'windows-1252');
    expect(firstInvalidUtf8(bytes)).toBe(3);
    expect(decode(bytes)).toEqual({ text: 'Café owners said the “deal” was off.', encoding: 'windows-1252', fallbackFrom: { badByteOffset: 3 } });
  });

  it('rejects bytes that are neither UTF-8 nor plausible windows-1252, naming the offset', () => {
    const bytes = Buffer.from([0x41, 0x42, 0x81, 0x8d, 0x43]);
    expect(() => decode(bytes)).toThrow(new DecodeError('is not valid UTF-8 (first bad byte at offset 2) and does not read as windows-1252 either'));
  });

  it('rejects a PNG renamed .txt by its magic number', () => {
    expect(() => decode(PNG)).toThrow(/is not text \(PNG image\)/);
  });

  it('honours the charset an HTML page declares', () => {
    const page = iconv.encode('<html><head><meta charset="iso-8859-1"></head><body><p>Gar\u00e7on</p></body></html>', 'latin1');
    expect(decode(page, true).text).toContain('Garçon');
  });
});

describe('ingest of the seeds removes boilerplate and keeps the article', () => {
  it('003: drops photo captions, the numbered reader comments and the "Popular posts" list', () => {
    const { text, removed } = ingestContent('003.txt', readSeed('003_1ca09edad87b2863.txt'));
    expect(removed.map((block) => block.rule)).toEqual(['photo-caption', 'photo-caption', 'repeated-block', 'reader-comments', 'link-list']);
    for (const gone of ['eSIM', 'Post a Comment', 'Popular posts', 'Fiber Internet Toledo', 'Telenor Call Package', 'Tesla', '(Reuters)']) expect(text).not.toContain(gone);
    expect(text.startsWith('More than 40 countries have joined the clean network')).toBe(true);
    expect(text.endsWith('They are now more willing to accept Washington’s views on China’s security threats and agree more with measures to counter such threats.')).toBe(true);
  });

  it('002: drops the newsletter sign-up form and nothing else', () => {
    const { text, removed } = ingestContent('002.txt', readSeed('002_f9bcec1626e2c574.txt'));
    expect(removed).toEqual([{ rule: 'newsletter-form', chars: 81, location: 'lines 27-29' }]);
    expect(text).not.toContain('Sign up');
    expect(text).not.toContain('By submitting this form');
    expect(text.endsWith('We call on all freedom-loving nations and companies to join the Clean Network,” Pompeo said.')).toBe(true);
  });

  it('004: drops image placeholders, the repeated headline, the reprint notice, prev/next links and the "Recommend" list', () => {
    const { text, removed } = ingestContent('004.txt', readSeed('004_00a5cb55c041b86a.txt'));
    expect(new Set(removed.map((block) => block.rule))).toEqual(new Set(['repeated-block', 'reprint-notice', 'image-placeholder', 'prev-next-links', 'link-list']));
    expect(text.split('\n\n')).not.toContain('Recommend');
    for (const gone of ['[[', '3.4 billion views', 'Fork/Join', 'reproduced from Leiphone', 'HMS ecosystem', '400 phone number']) expect(text).not.toContain(gone);
    expect(text.split('The secrets of TikTok and Huawei being hunted').length - 1).toBe(1);
    // Numbered section headings of the report itself are article text, not a list to drop.
    expect(text).toContain('1. The Essence of the US Clean Network Program');
    expect(text).toContain('VI. Recommendations for mitigating risks in the Clean Network Initiative');
    expect(text.endsWith('promote the healthy development of the industry.')).toBe(true);
  });

  it('000 and 001 have no boilerplate and keep every line as a paragraph', () => {
    for (const [file, lines] of [['000_a1abb57812357fd8.txt', 17], ['001_a5905505a034775a.txt', 15]] as const) {
      const raw = readSeed(file).toString('utf8');
      const { text, removed } = ingestContent(file, raw);
      expect(removed).toEqual([]);
      expect(text.split('\n\n')).toHaveLength(lines);
      expect(text).toBe(raw.trim().split('\n').map((line) => line.trim()).join('\n\n'));
    }
  });
});

describe('ingest normalisation', () => {
  it('stores NFC text, one kind of space, no invisible characters, and keeps curly quotes', () => {
    const { text } = ingestContent('x.txt', 'Andre\u0301s\u00a0said\u200b “yes”\t\tto\u2009it.\r\nSecond line.\rThird line.');
    expect(text).toBe('Andrés said “yes” to it.\n\nSecond line.\n\nThird line.');
  });

  it('joins the lines of hard-wrapped text into paragraphs', () => {
    const wrapped = 'The State Department said on Monday that the\ninitiative now has more members than before.\n\nA second paragraph that is also\nwrapped at a short width here.\n';
    expect(ingestContent('w.txt', wrapped).text).toBe('The State Department said on Monday that the initiative now has more members than before.\n\nA second paragraph that is also wrapped at a short width here.');
  });

  it('reads Markdown headings, links and emphasis as plain text', () => {
    const { text } = ingestContent('a.md', '# The **Clean** Network\n\nSee [the release](https://example.org) and ![chart](c.png) now.\n');
    expect(text).toBe('The Clean Network\n\nSee the release and now.');
  });

  it('reads a gzipped text file', () => {
    expect(ingestContent('a.txt.gz', gzipSync('Hello there.')).text).toBe('Hello there.');
  });
});

describe('ingest of HTML', () => {
  const page = `<!doctype html><html lang="en-GB"><head>
    <title>Albania joins | Example News</title>
    <meta property="og:title" content="Albania joins the Clean Network">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2020-08-07T09:00:00Z">
    <link rel="canonical" href="https://news.example/albania">
    <script>document.write("evil()")</script><style>p { color: red }</style></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <header><p>Breaking news ticker</p></header>
    <article><h1>Albania joins the Clean Network</h1>
      <p>Albania has joined a US State Department initiative called The Clean Network.</p>
      <p>Secretary of State Michael Pompeo welcomed the decision.</p>
      <ul><li>Huawei is excluded.</li><li>ZTE is excluded.</li></ul>
      <div class="share-buttons"><p>Share on Twitter</p></div>
      <script>alert("x")</script>
    </article>
    <aside><p>Related: Serbia buys cameras</p></aside>
    <section id="comments"><p>Great article!!! Visit my site</p></section>
    <form><p>Sign up for our newsletter</p></form>
    <footer><p>© Example News</p></footer></body></html>`;

  it('keeps the article blocks in order and drops scripts, menus, share bars, comments, forms and footers', () => {
    const { text, removed } = ingestContent('page.html', page);
    expect(text).toBe(
      'Albania joins the Clean Network\n\nAlbania has joined a US State Department initiative called The Clean Network.\n\nSecretary of State Michael Pompeo welcomed the decision.\n\nHuawei is excluded.\n\nZTE is excluded.',
    );
    expect(removed.every((block) => block.rule === 'html-furniture')).toBe(true);
  });

  it('reads title, author, date, canonical URL and language from the page', () => {
    expect(ingestContent('page.html', page).meta).toEqual({ title: 'Albania joins the Clean Network', author: 'Jane Doe', published: '2020-08-07', url: 'https://news.example/albania', language: 'en' });
  });

  it('reads the date and author from JSON-LD', () => {
    const jsonLd = '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2020-10-14T12:00:00Z","author":[{"@type":"Person","name":"A. Reporter"}]}]}</script></head><body><p>More than 40 countries have joined.</p></body></html>';
    expect(ingestContent('ld.html', jsonLd).meta).toMatchObject({ published: '2020-10-14', author: 'A. Reporter' });
  });

  it('rejects a page with no article text', () => {
    expect(() => ingestContent('empty.html', '<html><body><nav>Home</nav><script>x()</script></body></html>')).toThrow(new InputError('empty.html', 'HTML page has no article text'));
  });
});
