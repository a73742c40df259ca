// Small DOM helpers: elements built with text nodes (never HTML from strings, except sanitized content).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "July 2, 2021". */
export function date(iso) {
  return iso ? DATE.format(new Date(iso)) : '';
}

/** "Liked by 1 person", "Liked by 3 people". */
export function likedBy(n) {
  return `Liked by ${n} ${n === 1 ? 'person' : 'people'}`;
}
