import { Fragment, type ReactNode } from 'react';

/** A placeholder no translation holds (a private-use character around a number): the number says which node goes there. */
const mark = (i: number) => `\uE000${i}\uE000`;

/**
 * A worded sentence with elements inside it (a bold number, a button): `word`
 * gets a marker per node to put in the catalogue's placeholders, and the
 * markers are then replaced by the nodes, wherever the language puts them.
 * Values stay plain text (no markup is parsed), so a class name is shown as typed.
 */
export function richText(word: (node: (i: number) => string) => string, nodes: readonly ReactNode[]): ReactNode {
  const parts = word(mark).split(/\uE000(\d+)\uE000/);
  return parts.map((p, i) => (i % 2 === 0 ? p : <Fragment key={i}>{nodes[Number(p)]}</Fragment>));
}
