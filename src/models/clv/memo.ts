/**
 * Per-object memo: the parameter-free sums a likelihood needs, built once per
 * data object (the fit then evaluates the likelihood hundreds of times). Pure.
 * @example const prepare = perObject((g: RfmGroups) => sums(g)); prepare(g) === prepare(g) // true
 */
export function perObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = build(key)));
    return v;
  };
}
