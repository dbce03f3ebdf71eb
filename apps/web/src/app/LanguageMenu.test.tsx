import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/languages';
import { LanguageMenu } from './LanguageMenu';

afterEach(() => localStorage.clear());

describe('language switch', () => {
  it('switches the interface and remembers the choice', async () => {
    const u = userEvent.setup();
    render(<LanguageMenu />);
    const button = screen.getByRole('button', { name: 'EN, Language: English' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await u.click(button);
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    // Each language is named in itself, and marked as such for screen readers.
    expect(screen.getByRole('button', { name: 'Türkçe' })).toHaveAttribute('lang', 'tr');
    await u.click(screen.getByRole('button', { name: 'Русский' }));
    expect(i18n.language).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(await screen.findByRole('button', { name: 'RU, Язык: Русский' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('names the button with the code it shows, and gives it focus back after a choice', async () => {
    const u = userEvent.setup();
    render(<LanguageMenu />);
    const button = screen.getByRole('button', { name: /^EN\b/ });
    // The visible "EN" is part of the name (WCAG 2.5.3, label in name).
    expect(button.textContent).toBe('EN');
    await u.click(button);
    // Tab past English to Türkçe, and choose it with Enter.
    await u.keyboard('{Tab}{Tab}');
    expect(screen.getByRole('button', { name: 'Türkçe' })).toHaveFocus();
    await u.keyboard('{Enter}');
    // Not dropped to <body> with the hidden menu: the next Tab goes on from the switch.
    expect(await screen.findByRole('button', { name: 'TR, Dil: Türkçe' })).toHaveFocus();
  });

  it('closes with Escape, giving focus back to its button', async () => {
    const u = userEvent.setup();
    render(<LanguageMenu />);
    const button = screen.getByRole('button', { name: 'EN, Language: English' });
    await u.click(button);
    expect(screen.getByRole('button', { name: 'Türkçe' })).toBeVisible();
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Türkçe' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
