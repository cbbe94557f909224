import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { onUnauthorized } from '@/lib/api';
import { createQueryClient } from '@/lib/query-client';
import { sessionKeys } from '@/lib/session';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(queryClient));

  // A 401 from any call but sign-in means the session ended: mark the visitor signed out, and the
  // app shell sends them to /login?next=<where they were>.
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(sessionKeys.me, null)), [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
