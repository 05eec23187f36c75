// JSON to YAML for reading manifests, and a line diff for showing desired next to live.

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./: -]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?)$/i;

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (s === '' || RESERVED.test(s) || !PLAIN.test(s) || s.endsWith(' ') || s.includes(': ')) {
    return JSON.stringify(s);
  }
  return s;
}

function isEmpty(value) {
  return (Array.isArray(value) && !value.length) || (value && typeof value === 'object' && !Object.keys(value).length);
}

function emit(value, indent, lines) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && !isEmpty(item)) {
        const inner = [];
        emit(item, indent + 2, inner);
        inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
        lines.push(...inner);
      } else {
        lines.push(`${pad}- ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
      }
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const k = scalar(key);
    if (item && typeof item === 'object' && !isEmpty(item)) {
      lines.push(`${pad}${k}:`);
      emit(item, Array.isArray(item) ? indent : indent + 2, lines);
    } else if (typeof item === 'string' && item.includes('\n')) {
      lines.push(`${pad}${k}: |`);
      for (const line of item.replace(/\n$/, '').split('\n')) lines.push(`${pad}  ${line}`);
    } else {
      lines.push(`${pad}${k}: ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
    }
  }
}

/** A JSON value as YAML text (objects' keys in their order). */
export function toYaml(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return scalar(value) + '\n';
  const lines = [];
  emit(value, 0, lines);
  return lines.join('\n') + '\n';
}

const FIRST_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'data'];

/**
 * A copy with every object's keys in one order (apiVersion, kind, metadata, spec, data, then by
 * name), so two manifests differ only where their values do, not where their keys were written.
 */
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  const rank = (k) => {
    const i = FIRST_KEYS.indexOf(k);
    return i < 0 ? FIRST_KEYS.length : i;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, canonical(value[k])]));
}

/** Parses Argo's JSON-text states ("null" or "" is no object). */
export function parseState(text) {
  if (!text || text === 'null') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Side-by-side rows of a line diff (longest common subsequence): each row is
 * {left, right, kind} with kind 'same', 'del' (only left), 'add' (only right) or 'change'.
 */
export function diffRows(leftText, rightText) {
  const a = leftText ? leftText.replace(/\n$/, '').split('\n') : [];
  const b = rightText ? rightText.replace(/\n$/, '').split('\n') : [];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows = [];
  let i = 0;
  let j = 0;
  const dels = [];
  const adds = [];
  const flush = () => {
    const count = Math.max(dels.length, adds.length);
    for (let k = 0; k < count; k++) {
      rows.push({ left: dels[k], right: adds[k], kind: dels[k] === undefined ? 'add' : adds[k] === undefined ? 'del' : 'change' });
    }
    dels.length = 0;
    adds.length = 0;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ left: a[i], right: b[j], kind: 'same' });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      adds.push(b[j++]);
    } else {
      dels.push(a[i++]);
    }
  }
  flush();
  return rows;
}
