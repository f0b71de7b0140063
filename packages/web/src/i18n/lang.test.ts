import { describe, expect, it } from 'vitest';
import { parseLang, resolveLang } from './lang';

describe('parseLang', () => {
  it('accepts the two interface languages and their common tags', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('zh')).toBe('zh-CN');
  });

  it('rejects anything else', () => {
    expect(parseLang('fr')).toBeNull();
    expect(parseLang('')).toBeNull();
    expect(parseLang(null)).toBeNull();
  });
});

describe('resolveLang', () => {
  it('prefers the URL, then storage, then zh-CN', () => {
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang(null, 'en')).toBe('en');
    expect(resolveLang('bogus', null)).toBe('zh-CN');
    expect(resolveLang(null, null)).toBe('zh-CN');
  });
});
