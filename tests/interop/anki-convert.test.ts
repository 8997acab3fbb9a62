import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { htmlToText, readAnkiPackage, renderTemplate, revlogGrade } from '../../src/interop/index.js';

describe('htmlToText', () => {
  it('turns line breaks and blocks into newlines and decodes entities', () => {
    expect(htmlToText('one<br>two<br/>three')).toBe('one\ntwo\nthree');
    expect(htmlToText('<div>first</div><div>second</div>')).toBe('first\nsecond');
    expect(htmlToText('a<div><br></div><div>b</div>')).toBe('a\n\nb');
    expect(htmlToText('<div>a<br></div><div>b</div>')).toBe('a\nb');
    expect(htmlToText('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x3bb; &nbsp;f')).toBe(`a & b <c> "d" 'e' λ f`);
    expect(htmlToText('x&#27;[31my')).toBe('x[31my');
  });

  it('keeps emphasis and code as Markdown and drops other tags, scripts and styles', () => {
    expect(htmlToText('<b>bold</b> <i>it</i> <code>x()</code> <span style="color:red">red</span>')).toBe('**bold** *it* `x()` red');
    expect(htmlToText('<script>alert(1)</script><style>b{}</style>kept')).toBe('kept');
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>')).toBe('- a\n- b');
  });

  it('replaces images by a placeholder, converts MathJax, and keeps Anki cloze markers', () => {
    expect(htmlToText('see <img src="map.png"> here')).toBe('see [image: map.png] here');
    expect(htmlToText('\\(x^2\\) and \\[\\sum_i x_i\\]')).toBe('$x^2$ and $$\\sum_i x_i$$');
    expect(htmlToText('{{c1::Paris::city}} is <b>big</b>')).toBe('{{c1::Paris::city}} is **big**');
  });
});

describe('renderTemplate', () => {
  const fields = new Map([['Front', 'Q'], ['Back', 'A'], ['Empty', '']]);
  it('fills fields, applies filters and conditional sections', () => {
    expect(renderTemplate('{{Front}}|{{text:Back}}|{{type:Back}}', fields)).toBe('Q|A|');
    expect(renderTemplate('{{#Empty}}hidden{{/Empty}}{{^Empty}}shown{{/Empty}}{{#Front}}[{{Front}}]{{/Front}}', fields)).toBe('shown[Q]');
    expect(renderTemplate('{{FrontSide}}<hr id=answer>{{Back}}', fields)).toBe('{{FrontSide}}<hr id=answer>A');
  });
});

describe('revlogGrade', () => {
  it('maps ease to grades, with the v1 scheduler three-button learning scale, and skips manual entries', () => {
    expect([1, 2, 3, 4].map((ease) => revlogGrade({ ease, type: 1 }, 2))).toEqual(['again', 'hard', 'good', 'easy']);
    expect([1, 2, 3].map((ease) => revlogGrade({ ease, type: 0 }, 1))).toEqual(['again', 'good', 'easy']);
    expect(revlogGrade({ ease: 0, type: 4 }, 2)).toBeNull();
    expect(revlogGrade({ ease: 3, type: 4 }, 2)).toBeNull();
  });
});

describe('readAnkiPackage', () => {
  const sqliteLike = (size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set(new TextEncoder().encode('SQLite format 3\0'));
    return bytes;
  };

  it('prefers collection.anki21 over the legacy collection.anki2', () => {
    const pkg = readAnkiPackage(zipSync({ 'collection.anki2': sqliteLike(100), 'collection.anki21': sqliteLike(200) }), 'p.apkg');
    expect(pkg.entry).toBe('collection.anki21');
    expect(pkg.collection.length).toBe(200);
  });

  it('refuses a collection over the size cap before inflating it', () => {
    const zipped = zipSync({ 'collection.anki2': sqliteLike(4096) });
    expect(() => readAnkiPackage(zipped, 'big.apkg', 1024)).toThrow(/^big\.apkg: the collection inside is .* over the .* limit$/);
  });
});
