import type { SandboxCreator } from '../dataset/generate-dataset'

/** One filter of a search, as the emulator evaluates it on a sample creator. */
export type Predicate = (c: SandboxCreator) => boolean
