/** The syntax tree `parse` builds and `evaluate` walks. `pos` is the offset of the node's token. */

export type Node =
  | { k: 'lit'; pos: number; value: null | boolean | number | string }
  | { k: 'ident'; pos: number; name: string }
  /** `#`, `#index`, `#acc` inside a predicate; `name` is '' for `#` (and for `.field`). */
  | { k: 'pointer'; pos: number; name: string }
  | { k: 'array'; pos: number; items: Node[] }
  | { k: 'map'; pos: number; entries: { key: Node; value: Node }[] }
  /** `a.b`, `a?.b`, `a[i]`, `a?.[i]`; `name` is set for the dot forms. */
  | { k: 'member'; pos: number; object: Node; property: Node; optional: boolean; name?: string }
  | { k: 'slice'; pos: number; object: Node; from?: Node; to?: Node }
  /** `f(args)`; predicate builtins get `{ k: 'closure' }` arguments. */
  | { k: 'call'; pos: number; name: string; args: Node[] }
  /** `value.Method(args)`. */
  | { k: 'method'; pos: number; object: Node; name: string; args: Node[]; optional: boolean }
  | { k: 'closure'; pos: number; body: Node }
  | { k: 'unary'; pos: number; op: string; operand: Node }
  | { k: 'binary'; pos: number; op: string; left: Node; right: Node }
  /** `a ? b : c`; `elvis` marks `a ?: b` (a unless a is nil or false). */
  | { k: 'cond'; pos: number; test: Node; then: Node; else: Node; elvis?: boolean }
  /** Root of a member chain containing `?.`: a nil met by `?.` makes the whole chain nil. */
  | { k: 'chain'; pos: number; node: Node }
  | { k: 'let'; pos: number; name: string; value: Node; body: Node };
