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
