import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import type { ChartOption } from '../../../web/ui/echart.tsx';

// The shell registers bars only; the analytics page also draws lines and pies.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);

export type StatsOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** The shared <EChart> is typed for bar charts; the series registered above make these options drawable too. */
export const asChartOption = (o: StatsOption): ChartOption => o as ChartOption;

type Bar = { label: string; value: number };

export const trendOption = (font: string, name: string, months: { month: string; count: number }[]): StatsOption => ({
  textStyle: { fontFamily: font },
  grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: months.map((m) => m.month), boundaryGap: false },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'line', name, data: months.map((m) => m.count), smooth: true, areaStyle: { opacity: 0.15 }, itemStyle: { color: '#1f5fbf' } }],
});

export const barOption = (font: string, name: string, bars: Bar[], color = '#1f5fbf'): StatsOption => {
  const rows = [...bars].reverse(); // ECharts draws categories bottom-up: keep the biggest on top.
  return {
    textStyle: { fontFamily: font },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((b) => b.label), axisLabel: { fontSize: 12, width: 150, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name,
        data: rows.map((b) => b.value),
        barMaxWidth: 18,
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right' },
      },
    ],
  };
};

export const pieOption = (font: string, name: string, slices: Bar[]): StatsOption => ({
  textStyle: { fontFamily: font },
  tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
  legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
  series: [
    { type: 'pie', name, radius: ['40%', '70%'], center: ['38%', '50%'], data: slices.map((s) => ({ name: s.label, value: s.value })), label: { show: false } },
  ],
});
