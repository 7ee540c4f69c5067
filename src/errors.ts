// The few error classes Faultline throws. Each carries a stable code and a message that says
// what was found and what to do; only the CLI turns them into exit codes.

/** Base class: a stable machine-readable code plus a human message. */
export class FaultlineError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A bad input: missing, empty, binary, unreadable or malformed. */
export class InputError extends FaultlineError {}

/** A bad configuration or data file (knowledge base, lexicon). */
export class ConfigError extends FaultlineError {}

/** A storage failure. */
export class StoreError extends FaultlineError {}
