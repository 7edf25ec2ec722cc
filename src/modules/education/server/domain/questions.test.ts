import { describe, expect, it } from 'vitest';
import { isCorrect, parseCsv, parseCsvQuestions, parseJsonQuestions, splitMergedOptions } from './questions.ts';

describe('question bank helpers', () => {
  it('grades every type', () => {
    expect(isCorrect({ type: 'single', answer: ['B'] }, ['b'])).toBe(true);
    expect(isCorrect({ type: 'multiple', answer: ['A', 'C'] }, ['C', 'A'])).toBe(true);
    expect(isCorrect({ type: 'multiple', answer: ['A', 'C'] }, ['A'])).toBe(false);
    expect(isCorrect({ type: 'truefalse', answer: ['F'] }, ['F'])).toBe(true);
    expect(isCorrect({ type: 'fill', answer: ['96110', '９６１１０'] }, [' 96110 '])).toBe(true);
    expect(isCorrect({ type: 'single', answer: ['B'] }, [])).toBe(false);
  });
  it('parses quoted CSV and reports bad rows with their line numbers', () => {
    expect(parseCsv('a,"b,""c"""\r\n1,"x\ny"\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', 'x\ny'],
    ]);
    const csv =
      'type,stem,A,B,C,D,answer,explanation,tags,difficulty\nsingle,题一,甲,乙,,,B,解析,right.know,1\nsingle,题二,甲,乙,,,Z,,,\nweird,题三,,,,,T,,,\n';
    const r = parseCsvQuestions(csv);
    expect(r.total).toBe(3);
    expect(r.questions).toHaveLength(1);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'answer'],
      [4, 'type'],
    ]);
  });
  it('splits options that a typed-up bank merged into one cell', () => {
    expect(
      splitMergedOptions([
        { key: 'A', text: '宽度相等      B.宽度不同' },
        { key: 'C', text: '高度不同' },
      ]),
    ).toEqual([
      { key: 'A', text: '宽度相等' },
      { key: 'B', text: '宽度不同' },
      { key: 'C', text: '高度不同' },
    ]);
    expect(
      splitMergedOptions([
        { key: 'A', text: '含有 B.字样但 B 已存在' },
        { key: 'B', text: '乙' },
      ]),
    ).toHaveLength(2);
  });
  it('accepts the exam-bank JSON shape', () => {
    const r = parseJsonQuestions(JSON.stringify([{ title: '判断', options: [], type: 'judge', single: false, answer: 'Y' }]));
    expect(r.questions[0]).toMatchObject({ type: 'truefalse', answer: ['T'] });
  });
});
