import { useCallback, useEffect, useState } from 'react';

/**
 * 适老化 elderly mode: larger type, high contrast, big tap targets; chosen per device (localStorage).
 * Also the read-aloud helper (browser speechSynthesis, zh-CN) and the anonymous device id that
 * public education pages use in place of an account.
 */
const KEY = 'xb_elderly_mode';
const DEVICE_KEY = 'xb_device_id';

export const useElderlyMode = (): [boolean, (on: boolean) => void] => {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = useCallback((v: boolean) => {
    setOn(v);
    try {
      localStorage.setItem(KEY, v ? '1' : '0');
    } catch {
      // Storage blocked: the mode still applies for this visit.
    }
  }, []);
  return [on, set];
};

export const deviceId = (): string => {
  try {
    const saved = localStorage.getItem(DEVICE_KEY);
    if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
    const id = `d-${crypto.randomUUID().replace(/-/g, '')}`;
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return `d-${crypto.randomUUID().replace(/-/g, '')}`;
  }
};

export const canSpeak = (): boolean => typeof window !== 'undefined' && 'speechSynthesis' in window;

/** Reads text aloud in Chinese; returns a stop function. */
export const useReadAloud = () => {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => (canSpeak() ? window.speechSynthesis.cancel() : undefined), []);
  const speak = useCallback((text: string) => {
    if (!canSpeak()) return;
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    u.onend = () => setSpeaking(false);
    u.onerror = () => setSpeaking(false);
    setSpeaking(true);
    window.speechSynthesis.speak(u);
  }, []);
  const stop = useCallback(() => {
    if (canSpeak()) window.speechSynthesis.cancel();
    setSpeaking(false);
  }, []);
  return { speaking, speak, stop };
};
