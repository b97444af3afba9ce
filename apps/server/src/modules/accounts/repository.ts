import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authSessions, users } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';

export type UserRow = typeof users.$inferSelect;
export type Role = UserRow['role'];

/** The only code that knows the accounts tables. */
export function accountsRepository(db: Db) {
  return {
    /** Returns null when the email is already taken (case-insensitively). */
    async insertUser(input: { email: string; name: string; passwordHash: string; role?: Role }) {
      try {
        const [row] = await db.insert(users).values(input).returning();
        return row ?? null;
      } catch (err) {
        if (isUniqueViolation(err, 'users_email_lower_key')) return null;
        throw err;
      }
    },

    async findUserByEmail(email: string) {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      return row ?? null;
    },

    async findUserById(id: string) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },

    async updateUser(id: string, patch: Partial<Pick<UserRow, 'name' | 'passwordHash' | 'role'>>) {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row ?? null;
    },

    async insertSession(input: {
      tokenHash: string;
      userId: string;
      expiresAt: Date;
      userAgent: string | null;
      ip: string | null;
    }) {
      await db.insert(authSessions).values(input);
    },

    /** The user behind a live session, in one indexed lookup. */
    async findUserBySession(tokenHash: string) {
      const [row] = await db
        .select({ user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.tokenHash, tokenHash), gt(authSessions.expiresAt, sql`now()`)));
      return row?.user ?? null;
    },

    async deleteSession(tokenHash: string) {
      await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
    },

    async deleteSessionsOfUser(userId: string) {
      await db.delete(authSessions).where(eq(authSessions.userId, userId));
    },

    async deleteExpiredSessions() {
      const rows = await db
        .delete(authSessions)
        .where(lt(authSessions.expiresAt, sql`now()`))
        .returning({ t: authSessions.tokenHash });
      return rows.length;
    },

    async countUsers() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
