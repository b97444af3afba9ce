import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe('accounts in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs up, signs out and signs back in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Password').fill('compilers are fun');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Grace Hopper').first().waitFor();
    await page.screenshot({ path: shotPath('auth-signed-up') });

    const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as {
      user: { email: string };
    };
    expect(me.user.email).toBe('grace@example.com');

    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForFunction(async () => (await fetch('/api/me')).status === 401);

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/email or password is wrong/i).waitFor();
    await page.screenshot({ path: shotPath('auth-wrong-password') });

    await page.getByLabel('Password').fill('compilers are fun');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Grace Hopper').first().waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(after).toBe(200);
    await page.close();
  });

  it('keeps non-admins out of the admin area', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin`);
    // Anonymous: sent to sign in.
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it('prints the demo admin credentials on first start and they work', async () => {
    const match = server.output().match(/email:\s+(\S+)\s+password:\s+(\S+)/);
    expect(match).not.toBeNull();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: match![1], password: match![2] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('admin');
  });
});
