/**
 * The part of the Excel custom functions runtime the add-in uses (the global `CustomFunctions`,
 * provided by Office when it loads functions.js).
 */
declare namespace CustomFunctions {
  /**
   * Error codes Excel shows in the cell: those of CustomFunctionsRuntime 1.2, the version the manifest
   * requires (#NAME? and #REF! came in 1.3; add them here only with the manifest's version).
   */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
  }
  /** An error result of a custom function, with a message Excel shows on hover. */
  // biome-ignore lint/suspicious/noShadowRestrictedNames: Office names this class CustomFunctions.Error; it is only ever reached through the namespace, never as the global Error
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    readonly code: ErrorCode;
    readonly message?: string;
  }
  /** Binds a function id of functions.json to its implementation. */
  function associate(id: string, fn: (...args: never[]) => unknown): void;
}
