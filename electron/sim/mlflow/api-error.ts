// MLflow's error envelope, as `MlflowException.serialize_as_json` writes it (checked against
// mlflow 3.17.2): {"error_code", "message", "sqlstate", "error_class"}, with the HTTP status from
// `ERROR_CODE_TO_HTTP_STATUS`. RESOURCE_ALREADY_EXISTS is 400, not 409.

export type MlflowErrorCode =
  | 'INVALID_PARAMETER_VALUE'
  | 'BAD_REQUEST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'ENDPOINT_NOT_FOUND'
  | 'PERMISSION_DENIED'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_ERROR';

const httpStatus: Record<MlflowErrorCode, number> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  INTERNAL_ERROR: 500,
};

// mlflow/error_classification.py: the client-side error class and sqlstate for each code.
const errorClass: Record<MlflowErrorCode, string> = {
  INVALID_PARAMETER_VALUE: 'INVALID_PARAMETER_VALUE',
  BAD_REQUEST: 'INVALID_PARAMETER_VALUE',
  RESOURCE_ALREADY_EXISTS: 'RESOURCE_ALREADY_EXISTS',
  RESOURCE_DOES_NOT_EXIST: 'RESOURCE_NOT_FOUND',
  ENDPOINT_NOT_FOUND: 'RESOURCE_NOT_FOUND',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  UNAUTHENTICATED: 'PERMISSION_DENIED',
  INTERNAL_ERROR: 'CLIENT_INTERNAL_ERROR',
};

export class MlflowApiError extends Error {
  constructor(
    readonly code: MlflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowApiError';
  }

  get status(): number {
    return httpStatus[this.code];
  }

  body(): Record<string, string> {
    return {
      error_code: this.code,
      message: this.message,
      sqlstate: this.code === 'INTERNAL_ERROR' ? 'XXM00' : 'KAM00',
      error_class: errorClass[this.code],
    };
  }
}

export function invalidParameter(message: string): MlflowApiError {
  return new MlflowApiError('INVALID_PARAMETER_VALUE', message);
}

export function missingParameter(name: string): MlflowApiError {
  return invalidParameter(
    `Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`,
  );
}

export function doesNotExist(message: string): MlflowApiError {
  return new MlflowApiError('RESOURCE_DOES_NOT_EXIST', message);
}
