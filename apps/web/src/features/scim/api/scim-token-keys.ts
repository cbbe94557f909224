export const scimTokenKeys = {
  all: ['scim-tokens'] as const,
  list: () => [...scimTokenKeys.all, 'list'] as const,
};
