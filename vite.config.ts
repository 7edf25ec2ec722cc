import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const vendor = (packages: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${packages})[\\\\/]`);

export default defineConfig({
  root: `${repoRoot}src/web`,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Vendor groups keep any single chunk reasonable and cache well across releases;
        // `codeSplitting.groups` is Rolldown's successor to Rollup's `manualChunks`.
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor('react|react-dom|react-router|scheduler|cookie|set-cookie-parser'), priority: 50 },
            { name: 'echarts', test: vendor('echarts|zrender|tslib'), priority: 40 },
            { name: 'zod', test: vendor('zod'), priority: 30 },
            { name: 'antd-rc', test: vendor('@rc-component|rc-[^\\\\/]+'), priority: 20 },
            { name: 'antd', test: vendor('antd|@ant-design|@emotion|dayjs|stylis|classnames|clsx'), priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    // A regex, not the '/api' prefix, which would also swallow modules such as /api-client.ts.
    proxy: { '^/api/': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
