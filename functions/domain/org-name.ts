/** Organization names as Azure DevOps allows them; anything else never reaches a URL. */
const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isValidOrgName(name: string): boolean {
  return ORG_NAME.test(name);
}
