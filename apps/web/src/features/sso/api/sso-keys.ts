export const ssoKeys = {
  all: ['sso'] as const,
  connection: () => [...ssoKeys.all, 'connection'] as const,
  admins: () => [...ssoKeys.all, 'admins'] as const,
};
