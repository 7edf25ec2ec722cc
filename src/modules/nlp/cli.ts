import type { Command } from 'commander';
import { NLP_TASKS, type NlpTask } from './contract.ts';
import { openInput, openOutput, runEval, runTask } from './server/jsonl.ts';

/**
 * `xiaobao nlp sentiment|negative|classify|fraud --in F --out F` (JSON Lines, `-` = stdin/stdout)
 * and `xiaobao nlp eval --task T --in F`. Needs no database and no configuration.
 */
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const guardInput = (path: string) => {
  const input = openInput(path);
  input.on('error', (e: Error) => fail(`cannot read ${path}: ${e.message}`));
  return input;
};

export const registerNlpCommands = (program: Command): void => {
  const nlp = program.command('nlp').description('中文文本智能（离线）/ Chinese text intelligence, offline');
  const descriptions: Record<NlpTask, string> = {
    sentiment: '情感 / sentiment: {id,text} → {id,label,score,probs}',
    negative: '负面主体 / negative news: {id,text,entities} → {id,negative,score,negativeEntities}',
    classify: '投诉分类 JR/T 0169 / complaint coding: {id,text} → {id,businessCategory,cause,confidence,needsHuman}',
    fraud: '诈骗类型 / fraud type: {id,text} → {id,fraudType,score}',
  };
  for (const task of NLP_TASKS) {
    nlp
      .command(task)
      .description(descriptions[task])
      .option('--in <file>', 'JSON Lines input, - for stdin', '-')
      .option('--out <file>', 'JSON Lines output, - for stdout', '-')
      .action(async (o: { in: string; out: string }) => {
        const input = guardInput(o.in);
        const output = openOutput(o.out);
        output.on('error', (e: Error) => fail(`cannot write ${o.out}: ${e.message}`));
        const t = performance.now();
        const { n, errors } = await runTask(task, input, output, (k) => console.error(`[nlp ${task}] ${k} lines`));
        console.error(`[nlp ${task}] ${n} lines, ${errors} errors, ${Math.round(performance.now() - t)} ms`);
      });
  }
  nlp
    .command('eval')
    .description('评测 / evaluate on labelled JSON Lines ({text,label}): accuracy, macro-F1, confusion matrix')
    .requiredOption('--task <task>', NLP_TASKS.join('|'))
    .option('--in <file>', 'labelled JSON Lines, - for stdin', '-')
    .option('--field <field>', 'classify only: businessCategory or cause', 'businessCategory')
    .action(async (o: { task: string; in: string; field: string }) => {
      if (!(NLP_TASKS as readonly string[]).includes(o.task)) fail(`unknown task ${o.task}; one of ${NLP_TASKS.join(', ')}`);
      const report = await runEval(o.task as NlpTask, guardInput(o.in), o.field === 'cause' ? 'cause' : 'businessCategory');
      console.log(JSON.stringify(report));
    });
};
