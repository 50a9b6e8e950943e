export { ROLE_LABELS } from '../contract'
