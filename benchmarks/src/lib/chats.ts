import { apiClient, signUp } from './api';
import { inBatches } from './trpc-ws';

/** `users` people with `perUser` open sessions each, made through the API. */
export async function openChats(url: string, users: number, perUser: number) {
  const people = await inBatches(
    Array.from({ length: users }, (_, i) => i),
    4,
    (i) => signUp(url, `chat${i}`),
  );
  const chats: { sessionId: string; token: string }[] = [];
  await inBatches(people, 4, async (person) => {
    const api = apiClient(url, person.accessToken);
    for (let i = 0; i < perUser; i++) {
      const { session } = await api.sessions.create.mutate({});
      chats.push({ sessionId: session.id, token: person.accessToken });
    }
  });
  return { people, chats };
}
