import type { Transaction } from 'sequelize';
import type { ApiServices } from '../context';
import { notFound } from '../errors';

type Services = Pick<ApiServices, 'db'>;

const STAFF = ['agent', 'admin'];

/**
 * The conversation if `userId` may read it: its owner, or the agent holding it (mode
 * `agent`, assigned to them, through the seat the claim gave them), who reads its
 * messages, memory and events while it is theirs. The holder's role is read anew, so a
 * person made a plain user reads no more even before their conversations are handed back.
 * Anybody else's is NOT_FOUND. `seatId` is the holder's seat: its `session.ended` (the
 * release) ends what they opened to read, as it ends the seat's own stream.
 */
export async function loadReadableConversation(
  services: Services,
  userId: string,
  id: string,
  transaction?: Transaction,
) {
  const { Conversation, Session, User } = services.db.models;
  const conversation = await Conversation.findOne({ where: { id }, transaction });
  if (conversation?.userId === userId) return { conversation, seatId: undefined };
  if (conversation?.mode === 'agent' && conversation.assignedAgentId === userId) {
    const [holder, seat] = await Promise.all([
      User.findByPk(userId, { attributes: ['role'], transaction }),
      Session.findOne({
        where: { conversationId: id, userId, kind: 'agent', status: 'active' },
        attributes: ['id'],
        transaction,
      }),
    ]);
    if (holder && seat && STAFF.includes(holder.role)) return { conversation, seatId: seat.id };
  }
  throw notFound('Conversation');
}
