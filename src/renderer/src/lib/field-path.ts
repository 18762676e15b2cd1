/** A schema issue's path: object keys and array indexes. */
export type PropertyKeyPath = readonly PropertyKey[]
