import { describe, expect, it } from 'vitest';
import { ELEMENT_NODE, parseDocument, walk, type DomElement, type DomNode } from './dom.js';

const label = (node: DomNode): string => (node.nodeType === ELEMENT_NODE ? (node as DomElement).localName : `"${node.textContent}"`);

describe('walk', () => {
  const body = parseDocument('<div><p>one <b>two</b></p><ul><li>three</li></ul></div><p>four</p>').body!;

  it('enters nodes in document order and leaves elements after their children', () => {
    const events: string[] = [];
    walk(body, (node) => void events.push(`>${label(node)}`), (element) => void events.push(`<${element.localName}`));
    expect(events.join(' ')).toBe('>body >div >p >"one " >b >"two" <b <p >ul >li >"three" <li <ul <div >p >"four" <p <body');
  });

  it('skips the children of a node when enter returns false, but still leaves it', () => {
    const events: string[] = [];
    walk(body, (node) => (events.push(`>${label(node)}`), label(node) !== 'ul'), (element) => void events.push(`<${element.localName}`));
    expect(events).toContain('<ul');
    expect(events).not.toContain('>li');
  });

  it('stays inside the root', () => {
    const first = body.firstChild!;
    const seen: string[] = [];
    walk(first.firstChild!, (node) => void seen.push(label(node)));
    expect(seen).toEqual(['p', '"one "', 'b', '"two"']);
  });

  it('walks a tree nested 100,000 levels deep without overflowing the stack', () => {
    const document = parseDocument('<div id="top"></div>') as unknown as { createElement(name: string): DomElement & { appendChild(node: unknown): void }; body: DomElement };
    let parent = document.body.firstChild as DomElement & { appendChild(node: unknown): void };
    for (let i = 0; i < 100_000; i++) {
      const child = document.createElement('span');
      parent.appendChild(child);
      parent = child;
    }
    let entered = 0;
    let left = 0;
    walk(document.body, () => void entered++, () => void left++);
    expect(entered).toBe(100_002);
    expect(left).toBe(100_002);
  });
});

describe('parseDocument reads a page as a browser does', () => {
  const names = (root: DomNode): string[] => {
    const found: string[] = [];
    walk(root, (node) => void (node.nodeType === ELEMENT_NODE && found.push((node as DomElement).localName)));
    return found;
  };

  it('puts what follows </head> into the body when the page has no <body> tag', () => {
    const document = parseDocument('<html><head><title>t</title></head><nav>menu</nav><main><p>story</p></main></html>');
    expect(names(document.body!)).toEqual(['body', 'nav', 'main', 'p']);
    expect(document.body!.textContent).toBe('menustory');
  });

  it('ignores the <html>, <head> and <body> tags of a page pasted into the story, keeping what the body holds', () => {
    const document = parseDocument(
      '<html><head><title>t</title></head><body><article><p>one</p><html><head><title>card</title></head><body><p>two</p></body></html><p>three</p></article></body></html>',
    );
    expect(names(document.body!)).toEqual(['body', 'article', 'p', 'p', 'p']);
    expect(document.body!.textContent).toBe('onetwothree');
  });

  it('drops ruby readings (furigana), keeping the annotated words', () => {
    const document = parseDocument('<p><ruby>図書館<rp>(</rp><rt>としょかん</rt><rp>)</rp></ruby>ができました</p>');
    expect(document.body!.textContent).toBe('図書館ができました');
  });
});
