/**
 * The "in real systems" step of each lesson: the step whose setup is worth seeing as real
 * HAProxy, Node and Redis configuration. The lesson player offers the real-configuration
 * view there (it is always available from the playground controls).
 */
export const REAL_SYSTEMS_STEP: Record<string, string> = {
  pizza: 'order-board',
  atm: 'central-database',
  'shopping-cart': 'store-fails',
  'sticky-price': 'nat',
  'scaling-out': 'consistent',
  hybrid: 'store-dies',
  tokens: 'token',
  'black-friday': 'cookie-tier',
  deploying: 'stateless',
  'realtime-chat': 'shared',
  choosing: 'cloud-map',
};

export function isRealSystemsStep(lessonId: string, stepId: string): boolean {
  return REAL_SYSTEMS_STEP[lessonId] === stepId;
}
