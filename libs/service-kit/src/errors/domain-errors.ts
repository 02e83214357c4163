// The typed errors live in the framework-free kernel so deciders can throw them; edges import them here.
export { ValidationFailed, NotFound, Forbidden, Conflict, IllegalTransition, TooSoon, DomainError } from '@collab/domain-kernel';
export type { FieldError } from '@collab/domain-kernel';
