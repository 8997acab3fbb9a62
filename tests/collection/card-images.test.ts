/**
 * A card's pictures: found relative to the note, in the vault (Obsidian resolves a bare
 * `![[name.png]]` anywhere in the vault), or in the media folder beside the database for Anki
 * pictures, and never outside: `..`, absolute paths and links leading out are refused before the
 * file is read, and the `i` key re-checks before it hands a file to the viewer (spawn injected).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardImages, imageRefs, loadCardImages, withoutImageRefs } from '../../src/collection/card-images.js';
import { openImage, viewerCommand, type Spawner } from '../../src/tui/open-image.js';
import { makePng } from '../helpers/png.js';

let dir = '';
let vault = '';
let db = '';
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'engram-pictures-')));
  vault = path.join(dir, 'vault');
  fs.mkdirSync(path.join(vault, '.obsidian'), { recursive: true });
  fs.mkdirSync(path.join(vault, 'notes', 'deep'), { recursive: true });
  fs.mkdirSync(path.join(vault, 'attachments'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'attachments', 'diagram.png'), makePng(16, 8, () => [1, 2, 3]));
  fs.writeFileSync(path.join(vault, 'notes', 'fig one.png'), makePng(4, 4, () => [9, 9, 9]));
  fs.writeFileSync(path.join(dir, 'secret.png'), makePng(2, 2, () => [0, 0, 0]));
  db = path.join(dir, 'data', 'engram.db');
  fs.mkdirSync(path.join(dir, 'data', 'media'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'data', 'media', 'abc-cat.png'), makePng(2, 2, () => [5, 5, 5]));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const note = (file = 'notes/cards.md') => ({ file: path.join(vault, file), line: 1 });
const card = (front: string, back = '', source: { file: string; line: number } | null = note()) => ({ front, back, source });

describe('imageRefs and withoutImageRefs', () => {
  it('finds Obsidian embeds and Markdown images with picture extensions, in order, once each', () => {
    const text = 'See ![[diagram.png|300]] and ![a fig](fig%20one.png "title") then ![[diagram.png]] and ![[Other note]] ![x](<b c.jpg>)';
    expect(imageRefs(text).map((r) => [r.written, r.embed, r.name])).toEqual([
      ['diagram.png', true, 'diagram.png'], ['fig one.png', false, 'fig one.png'], ['b c.jpg', false, 'b c.jpg'],
    ]);
    expect(imageRefs('![[../../etc/passwd]]')).toEqual([]);
  });

  it('takes the references out of the text; a line that held only a picture goes', () => {
    expect(withoutImageRefs('Early fusion. ![[d.png]]\n![[e.png]]\nmore ![[A note]]')).toBe('Early fusion.\nmore ![[A note]]');
    expect(withoutImageRefs('![[only.png]]')).toBe('');
  });
});

describe('cardImages', () => {
  it('resolves relative to the note, then from the vault root, then a bare name anywhere in the vault', () => {
    const images = cardImages(card('![x](fig%20one.png)', '![[diagram.png]] ![[attachments/diagram.png]]'), db);
    expect(images.map((i) => [i.side, i.file && path.relative(vault, i.file), i.problem])).toEqual([
      ['front', path.join('notes', 'fig one.png'), undefined],
      ['back', path.join('attachments', 'diagram.png'), undefined],
      ['back', path.join('attachments', 'diagram.png'), undefined],
    ]);
    expect(images[0]!.root).toBe(vault);
  });

  it("refuses a note pointing out of the vault with '..', an absolute path or ~, and does not read the file", () => {
    const images = loadCardImages(card('![[../../secret.png]] ![x](../../../secret.png) ![y](/etc/x.png) ![z](~/x.png) ![[../../../../etc/passwd.png]]'), db);
    expect(images).toHaveLength(5);
    for (const image of images) {
      expect(image.file).toBeNull();
      expect(image.bytes).toBeNull();
      expect(image.problem).toMatch(/refused/);
    }
  });

  it('refuses a picture that is a symlink leading outside the vault', () => {
    fs.symlinkSync(path.join(dir, 'secret.png'), path.join(vault, 'notes', 'link.png'));
    const [image] = cardImages(card('![[link.png]]'), db);
    expect(image!.file).toBeNull();
    expect(image!.problem).toMatch(/outside the imported folder; refused/);
  });

  it("without a vault (.obsidian), the note's folder is the limit", () => {
    fs.rmSync(path.join(vault, '.obsidian'), { recursive: true });
    const [inside, outside] = cardImages(card('![[fig one.png]] ![x](../attachments/diagram.png)'), db);
    expect(inside!.file).toBe(path.join(vault, 'notes', 'fig one.png'));
    expect(outside!.problem).toMatch(/refused/);
  });

  it('an Anki card (no note) takes media/ beside the database, and nothing else', () => {
    const images = loadCardImages(card('![cat.png](media/abc-cat.png)', '![x](media/../../secret.png) ![y](http://example.com/a.png)', null), db);
    expect(images[0]!.file).toBe(path.join(dir, 'data', 'media', 'abc-cat.png'));
    expect(images[0]!.bytes!.length).toBeGreaterThan(8);
    expect(images[1]!.problem).toMatch(/refused/);
    expect(images[2]!.problem).toBe('not a local file');
  });

  it('a missing picture says so', () => {
    expect(cardImages(card('![[nowhere.png]]'), db)[0]!.problem).toBe('not found');
  });
});

describe('openImage (the review key i)', () => {
  const calls: Array<{ command: string; args: readonly string[]; shell: unknown }> = [];
  const spawner: Spawner = (command, args, options) => {
    calls.push({ command, args, shell: options.shell });
    return { on: () => undefined, unref: () => undefined };
  };
  beforeEach(() => { calls.length = 0; });
  const found = () => '/usr/bin/viewer';

  it('starts the system viewer with the file as its only argument, never through a shell', () => {
    const [image] = cardImages(card('![[diagram.png]]'), db);
    const result = openImage(image!, spawner, 'linux', found);
    expect(result).toEqual({ ok: true, message: 'opened diagram.png with xdg-open' });
    expect(calls).toEqual([{ command: 'xdg-open', args: [path.join(vault, 'attachments', 'diagram.png')], shell: false }]);
    expect(viewerCommand('darwin')).toBe('open');
  });

  it('refuses a refused picture, and a file swapped for a link outside since it was found', () => {
    const [outside] = cardImages(card('![[../../secret.png]]'), db);
    expect(openImage(outside!, spawner, 'linux', found).ok).toBe(false);
    const [image] = cardImages(card('![[fig one.png]]'), db);
    fs.rmSync(image!.file!);
    fs.symlinkSync(path.join(dir, 'secret.png'), image!.file!);
    expect(openImage(image!, spawner, 'linux', found)).toEqual({ ok: false, message: 'cannot open fig one.png: not a file inside the imported folder' });
    expect(calls).toEqual([]);
  });

  it('says so when the viewer is not installed, instead of claiming it opened', () => {
    const [image] = cardImages(card('![[diagram.png]]'), db);
    expect(openImage(image!, spawner, 'linux', () => null).message).toMatch(/xdg-open is not installed/);
    expect(calls).toEqual([]);
  });
});
