import { Fragment, type ReactNode } from 'react';
import type { MessageId, Params, Translate } from './translate';

// A message with elements inside (<code>, <strong>, a span with a test id): each element's
// parameter is a marker in the translated text, and the text is cut at the markers. The
// translator keeps the sentence whole and puts {name} where the language wants it.

const MARK = '\u0000';

export function rich(t: Translate, id: MessageId, params: Params, elements: Record<string, ReactNode>): ReactNode {
  const marked: Params = { ...params };
  for (const name of Object.keys(elements)) marked[name] = `${MARK}${name}${MARK}`;
  const parts = t(id, marked).split(MARK);
  // odd parts are element names
  return parts.map((part, i) => (i % 2 === 1 && Object.hasOwn(elements, part) ? <Fragment key={i}>{elements[part]}</Fragment> : part));
}
