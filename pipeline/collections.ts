/** Small collection helpers the stages share. */

/**
 * Appends `value` to the list under `key`, creating the list. Grouping by pushing keeps it linear:
 * copying a group on every insert, or filtering everything per key, is quadratic.
 */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `compute`, remembering its result for each key: for work asked again and again with the same key. */
export function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const results = new Map<K, V>();
  return (key) => {
    if (!results.has(key)) results.set(key, compute(key));
    return results.get(key)!;
  };
}
