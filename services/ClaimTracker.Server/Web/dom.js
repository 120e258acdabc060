// Building DOM without HTML strings: every piece of data goes in as a text node or an attribute
// value, never through innerHTML, so a claim text like "<img onerror=…>" stays text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

function setProps(element, props) {
  if (!props) {
    return;
  }
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'on') {
      for (const [type, handler] of Object.entries(value)) {
        element.addEventListener(type, handler);
      }
    } else if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) {
          element.dataset[key] = String(data);
        }
      }
    } else if (/^on/i.test(name) || name === 'style' || name === 'innerHTML') {
      // Handlers go through `on`; inline styles and markup are not allowed (see the page's CSP).
      throw new Error(`attribute '${name}' is not set through h()`);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

/** An HTML element: h('a', { href: '#/', class: 'x' }, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  setProps(element, props);
  append(element, children);
  return element;
}

/** An SVG element, same conventions as h(). */
export function s(tag, props, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  setProps(element, props);
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A link to a route of this page (#/…), with every path segment encoded. */
export function routeHref(...segments) {
  return '#/' + segments.map(segment => encodeURIComponent(segment)).join('/');
}

/** A <time> element with a relative label and the exact time in its title. */
export function timeElement(iso, { relative = true } = {}) {
  if (!iso) {
    return h('span', { class: 'muted' }, '—');
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return h('span', null, iso);
  }
  const label = relative ? relativeTime(date) : absoluteTime(date);
  return h('time', { datetime: iso, title: absoluteTime(date) }, label);
}

export function absoluteTime(date) {
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

export function relativeTime(date, now = Date.now()) {
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 0) {
    return absoluteTime(date);
  }
  if (seconds < 45) {
    return 'just now';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  const days = Math.round(hours / 24);
  if (days < 60) {
    return `${days} days ago`;
  }
  return date.toISOString().slice(0, 10);
}

/** Numbers arrive as strings for int64 fields (proto3 JSON); absent means zero. */
export function num(value) {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function plural(count, one, many = one + 's') {
  return `${count} ${count === 1 ? one : many}`;
}
