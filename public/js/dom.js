// DOM building without HTML strings: every text goes in as a text node, so untrusted text stays inert.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Appends children (nodes, strings as text nodes, arrays; null skipped). */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) throw new Error(`use { on: { ... } } for ${key}`);
    else if (key === 'href' && !String(value).startsWith('#') && !String(value).startsWith('/')) throw new Error('only local links');
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

/** An HTML element: h('a', { href: '#/x', class: 'c' }, 'text', child). */
export function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
