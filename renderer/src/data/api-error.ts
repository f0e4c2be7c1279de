/** A failed call to the server: its status (0 when it cannot be reached), code and sentence, shown as they are. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
