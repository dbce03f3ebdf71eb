import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { startTestI18n } from './i18n';

beforeEach(() => startTestI18n('en'));
afterEach(() => cleanup());
