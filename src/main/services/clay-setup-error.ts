import { AppError } from '../../shared/errors'

/**
 * Clay answered, but the routine and the app's mapping do not fit together: an input column the
 * routine needs was not sent, or the result has no column where the mapping looks for the email.
 * It says nothing about the creator, so it is never remembered as "no email"; the user fixes it
 * in Settings → Clay (or in the routine) and asks again.
 */
export class ClaySetupError extends AppError {
  readonly problem: string

  constructor(problem: string, message: string) {
    super('PRECONDITION', message, { provider: 'clay', providerCode: problem, setup: true })
    this.name = 'ClaySetupError'
    this.problem = problem
  }
}
