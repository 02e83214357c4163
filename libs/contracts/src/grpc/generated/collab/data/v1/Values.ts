// Original file: proto/collab/data/v1/data_service.proto


export interface Values {
  'values'?: (string)[];
}

export interface Values__Output {
  'values': (string)[];
}
