// Original file: proto/collab/kpi/v1/kpi_service.proto


export interface Names {
  'zh'?: (string);
  'en'?: (string);
}

export interface Names__Output {
  'zh': (string);
  'en': (string);
}
