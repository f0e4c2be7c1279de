import { describe, expect, it } from 'vitest';
import { boardSearch, isWallboardLocation, parseBoardParams } from './board-query';

describe('wallboard address', () => {
  it('reads TV mode, squad, window, rotation and start page', () => {
    expect(parseBoardParams('?tv=1&squad=squad-payments&window=30d&rotate=10&page=2')).toEqual({
      tv: true,
      squadId: 'squad-payments',
      windowDays: 30,
      rotateSeconds: 10,
      startPage: 1,
    });
  });

  it('falls back to the defaults on missing or bad values instead of failing', () => {
    const defaults = { tv: false, squadId: null, windowDays: 7, rotateSeconds: 20, startPage: 0 };
    expect(parseBoardParams('')).toEqual(defaults);
    expect(parseBoardParams('?tv=yes&squad=%20&window=12d&rotate=1&page=-3')).toEqual(defaults);
    expect(parseBoardParams('?window=90').windowDays).toBe(90);
  });

  it('writes back only what differs from the defaults', () => {
    expect(boardSearch(parseBoardParams('?window=7d'))).toBe('');
    expect(boardSearch(parseBoardParams('?squad=a%20b&window=90d&tv=1'))).toBe('?tv=1&squad=a+b&window=90d');
  });

  it('recognises the wallboard by path in web mode and by ?view= in the desktop app', () => {
    expect(isWallboardLocation({ pathname: '/wallboard', search: '?tv=1' })).toBe(true);
    expect(isWallboardLocation({ pathname: '/app/index.html', search: '?view=wallboard&tv=1' })).toBe(true);
    expect(isWallboardLocation({ pathname: '/', search: '' })).toBe(false);
    expect(isWallboardLocation({ pathname: '/wallboards', search: '' })).toBe(false);
  });
});
