import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@collab/service-kit';
import { MONITOR_HTML, MONITOR_SCRIPT } from './page/monitor-page';

/** chart.js as installed (npm), served by the service itself: the page loads nothing from elsewhere. */
const chartJs = (): string => readFileSync(join(require.resolve('chart.js'), '..', 'chart.umd.js'), 'utf8');

/**
 * The operations monitor page. It is static and public: it holds no data, asks for a bearer token (or
 * takes `#token=` from the URL fragment, which never reaches a server) and reads the API with it.
 */
@ApiExcludeController()
@Public()
@Controller('monitor')
export class MonitorPageHttp {
  private chart?: string;

  @Get()
  page(@Res() response: Response): void {
    response.type('text/html; charset=utf-8').setHeader('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'");
    response.send(MONITOR_HTML);
  }

  @Get('monitor.js')
  script(@Res() response: Response): void {
    response.type('text/javascript; charset=utf-8').send(MONITOR_SCRIPT);
  }

  @Get('chart.js')
  chartLibrary(@Res() response: Response): void {
    this.chart ??= chartJs();
    response.type('text/javascript; charset=utf-8').setHeader('cache-control', 'public, max-age=3600').send(this.chart);
  }
}
