// Generated from proto/tensorboard/tensorboard.proto by protobufjs-cli (pbjs -t json). Do not edit.
// Regenerate: see README.md in this directory.

export const descriptor: Record<string, unknown> = {
  "nested": {
    "tensorboard": {
      "nested": {
        "Event": {
          "oneofs": {
            "what": {
              "oneof": [
                "fileVersion",
                "graphDef",
                "summary",
                "sessionLog"
              ]
            }
          },
          "fields": {
            "wallTime": {
              "type": "double",
              "id": 1,
              "protoName": "wall_time"
            },
            "step": {
              "type": "int64",
              "id": 2
            },
            "fileVersion": {
              "type": "string",
              "id": 3,
              "protoName": "file_version"
            },
            "graphDef": {
              "type": "bytes",
              "id": 4,
              "protoName": "graph_def"
            },
            "summary": {
              "type": "Summary",
              "id": 5
            },
            "sessionLog": {
              "type": "SessionLog",
              "id": 7,
              "protoName": "session_log"
            },
            "sourceMetadata": {
              "type": "SourceMetadata",
              "id": 10,
              "protoName": "source_metadata"
            }
          }
        },
        "SourceMetadata": {
          "fields": {
            "writer": {
              "type": "string",
              "id": 1
            }
          }
        },
        "SessionLog": {
          "fields": {
            "status": {
              "type": "SessionStatus",
              "id": 1
            },
            "checkpointPath": {
              "type": "string",
              "id": 2,
              "protoName": "checkpoint_path"
            },
            "msg": {
              "type": "string",
              "id": 3
            }
          },
          "nested": {
            "SessionStatus": {
              "values": {
                "STATUS_UNSPECIFIED": 0,
                "START": 1,
                "STOP": 2,
                "CHECKPOINT": 3
              }
            }
          }
        },
        "Summary": {
          "fields": {
            "value": {
              "rule": "repeated",
              "type": "Value",
              "id": 1
            }
          },
          "nested": {
            "Image": {
              "fields": {
                "height": {
                  "type": "int32",
                  "id": 1
                },
                "width": {
                  "type": "int32",
                  "id": 2
                },
                "colorspace": {
                  "type": "int32",
                  "id": 3
                },
                "encodedImageString": {
                  "type": "bytes",
                  "id": 4,
                  "protoName": "encoded_image_string"
                }
              }
            },
            "Value": {
              "oneofs": {
                "value": {
                  "oneof": [
                    "simpleValue",
                    "image",
                    "histo",
                    "tensor"
                  ]
                }
              },
              "fields": {
                "tag": {
                  "type": "string",
                  "id": 1
                },
                "simpleValue": {
                  "type": "float",
                  "id": 2,
                  "protoName": "simple_value"
                },
                "image": {
                  "type": "Image",
                  "id": 4
                },
                "histo": {
                  "type": "HistogramProto",
                  "id": 5
                },
                "tensor": {
                  "type": "TensorProto",
                  "id": 8
                },
                "metadata": {
                  "type": "SummaryMetadata",
                  "id": 9
                }
              }
            }
          }
        },
        "SummaryMetadata": {
          "fields": {
            "pluginData": {
              "type": "PluginData",
              "id": 1,
              "protoName": "plugin_data"
            },
            "displayName": {
              "type": "string",
              "id": 2,
              "protoName": "display_name"
            },
            "summaryDescription": {
              "type": "string",
              "id": 3,
              "protoName": "summary_description"
            },
            "dataClass": {
              "type": "DataClass",
              "id": 4,
              "protoName": "data_class"
            }
          },
          "nested": {
            "PluginData": {
              "fields": {
                "pluginName": {
                  "type": "string",
                  "id": 1,
                  "protoName": "plugin_name"
                },
                "content": {
                  "type": "bytes",
                  "id": 2
                }
              }
            }
          }
        },
        "DataClass": {
          "values": {
            "DATA_CLASS_UNKNOWN": 0,
            "DATA_CLASS_SCALAR": 1,
            "DATA_CLASS_TENSOR": 2,
            "DATA_CLASS_BLOB_SEQUENCE": 3
          }
        },
        "DataType": {
          "values": {
            "DT_INVALID": 0,
            "DT_FLOAT": 1,
            "DT_DOUBLE": 2,
            "DT_INT32": 3,
            "DT_UINT8": 4,
            "DT_STRING": 7,
            "DT_INT64": 9,
            "DT_BOOL": 10,
            "DT_HALF": 19
          }
        },
        "TensorShapeProto": {
          "fields": {
            "dim": {
              "rule": "repeated",
              "type": "Dim",
              "id": 2
            },
            "unknownRank": {
              "type": "bool",
              "id": 3,
              "protoName": "unknown_rank"
            }
          },
          "nested": {
            "Dim": {
              "fields": {
                "size": {
                  "type": "int64",
                  "id": 1
                },
                "name": {
                  "type": "string",
                  "id": 2
                }
              }
            }
          }
        },
        "TensorProto": {
          "fields": {
            "dtype": {
              "type": "DataType",
              "id": 1
            },
            "tensorShape": {
              "type": "TensorShapeProto",
              "id": 2,
              "protoName": "tensor_shape"
            },
            "tensorContent": {
              "type": "bytes",
              "id": 4,
              "protoName": "tensor_content"
            },
            "floatVal": {
              "rule": "repeated",
              "type": "float",
              "id": 5,
              "protoName": "float_val"
            },
            "doubleVal": {
              "rule": "repeated",
              "type": "double",
              "id": 6,
              "protoName": "double_val"
            },
            "intVal": {
              "rule": "repeated",
              "type": "int32",
              "id": 7,
              "protoName": "int_val"
            },
            "stringVal": {
              "rule": "repeated",
              "type": "bytes",
              "id": 8,
              "protoName": "string_val"
            },
            "int64Val": {
              "rule": "repeated",
              "type": "int64",
              "id": 10,
              "protoName": "int64_val"
            },
            "boolVal": {
              "rule": "repeated",
              "type": "bool",
              "id": 11,
              "protoName": "bool_val"
            }
          }
        },
        "HistogramProto": {
          "fields": {
            "min": {
              "type": "double",
              "id": 1
            },
            "max": {
              "type": "double",
              "id": 2
            },
            "num": {
              "type": "double",
              "id": 3
            },
            "sum": {
              "type": "double",
              "id": 4
            },
            "sumSquares": {
              "type": "double",
              "id": 5,
              "protoName": "sum_squares"
            },
            "bucketLimit": {
              "rule": "repeated",
              "type": "double",
              "id": 6,
              "protoName": "bucket_limit"
            },
            "bucket": {
              "rule": "repeated",
              "type": "double",
              "id": 7
            }
          }
        },
        "HParamsPluginData": {
          "oneofs": {
            "data": {
              "oneof": [
                "experiment",
                "sessionStartInfo",
                "sessionEndInfo"
              ]
            }
          },
          "fields": {
            "version": {
              "type": "int32",
              "id": 1
            },
            "experiment": {
              "type": "Experiment",
              "id": 2
            },
            "sessionStartInfo": {
              "type": "SessionStartInfo",
              "id": 3,
              "protoName": "session_start_info"
            },
            "sessionEndInfo": {
              "type": "SessionEndInfo",
              "id": 4,
              "protoName": "session_end_info"
            }
          }
        },
        "Experiment": {
          "fields": {
            "description": {
              "type": "string",
              "id": 1
            },
            "user": {
              "type": "string",
              "id": 2
            },
            "timeCreatedSecs": {
              "type": "double",
              "id": 3,
              "protoName": "time_created_secs"
            },
            "hparamInfos": {
              "rule": "repeated",
              "type": "HParamInfo",
              "id": 4,
              "protoName": "hparam_infos"
            },
            "metricInfos": {
              "rule": "repeated",
              "type": "MetricInfo",
              "id": 5,
              "protoName": "metric_infos"
            },
            "name": {
              "type": "string",
              "id": 6
            }
          }
        },
        "HParamDataType": {
          "values": {
            "DATA_TYPE_UNSET": 0,
            "DATA_TYPE_STRING": 1,
            "DATA_TYPE_BOOL": 2,
            "DATA_TYPE_FLOAT64": 3
          }
        },
        "Interval": {
          "fields": {
            "minValue": {
              "type": "double",
              "id": 1,
              "protoName": "min_value"
            },
            "maxValue": {
              "type": "double",
              "id": 2,
              "protoName": "max_value"
            }
          }
        },
        "HParamInfo": {
          "oneofs": {
            "domain": {
              "oneof": [
                "domainDiscrete",
                "domainInterval"
              ]
            }
          },
          "fields": {
            "name": {
              "type": "string",
              "id": 1
            },
            "displayName": {
              "type": "string",
              "id": 2,
              "protoName": "display_name"
            },
            "description": {
              "type": "string",
              "id": 3
            },
            "type": {
              "type": "HParamDataType",
              "id": 4
            },
            "domainDiscrete": {
              "type": "ListValue",
              "id": 5,
              "protoName": "domain_discrete"
            },
            "domainInterval": {
              "type": "Interval",
              "id": 6,
              "protoName": "domain_interval"
            },
            "differs": {
              "type": "bool",
              "id": 7
            }
          }
        },
        "MetricName": {
          "fields": {
            "group": {
              "type": "string",
              "id": 1
            },
            "tag": {
              "type": "string",
              "id": 2
            }
          }
        },
        "DatasetType": {
          "values": {
            "DATASET_UNKNOWN": 0,
            "DATASET_TRAINING": 1,
            "DATASET_VALIDATION": 2
          }
        },
        "MetricInfo": {
          "fields": {
            "name": {
              "type": "MetricName",
              "id": 1
            },
            "displayName": {
              "type": "string",
              "id": 3,
              "protoName": "display_name"
            },
            "description": {
              "type": "string",
              "id": 4
            },
            "datasetType": {
              "type": "DatasetType",
              "id": 5,
              "protoName": "dataset_type"
            }
          }
        },
        "SessionStartInfo": {
          "fields": {
            "hparams": {
              "keyType": "string",
              "type": "Value",
              "id": 1
            },
            "modelUri": {
              "type": "string",
              "id": 2,
              "protoName": "model_uri"
            },
            "monitorUrl": {
              "type": "string",
              "id": 3,
              "protoName": "monitor_url"
            },
            "groupName": {
              "type": "string",
              "id": 4,
              "protoName": "group_name"
            },
            "startTimeSecs": {
              "type": "double",
              "id": 5,
              "protoName": "start_time_secs"
            }
          }
        },
        "SessionStatus": {
          "values": {
            "STATUS_UNKNOWN": 0,
            "STATUS_SUCCESS": 1,
            "STATUS_FAILURE": 2,
            "STATUS_RUNNING": 3
          }
        },
        "SessionEndInfo": {
          "fields": {
            "status": {
              "type": "SessionStatus",
              "id": 1
            },
            "endTimeSecs": {
              "type": "double",
              "id": 2,
              "protoName": "end_time_secs"
            }
          }
        },
        "NullValue": {
          "values": {
            "NULL_VALUE": 0
          }
        },
        "Value": {
          "oneofs": {
            "kind": {
              "oneof": [
                "nullValue",
                "numberValue",
                "stringValue",
                "boolValue",
                "structValue",
                "listValue"
              ]
            }
          },
          "fields": {
            "nullValue": {
              "type": "NullValue",
              "id": 1,
              "protoName": "null_value"
            },
            "numberValue": {
              "type": "double",
              "id": 2,
              "protoName": "number_value"
            },
            "stringValue": {
              "type": "string",
              "id": 3,
              "protoName": "string_value"
            },
            "boolValue": {
              "type": "bool",
              "id": 4,
              "protoName": "bool_value"
            },
            "structValue": {
              "type": "Struct",
              "id": 5,
              "protoName": "struct_value"
            },
            "listValue": {
              "type": "ListValue",
              "id": 6,
              "protoName": "list_value"
            }
          }
        },
        "Struct": {
          "fields": {
            "fields": {
              "keyType": "string",
              "type": "Value",
              "id": 1
            }
          }
        },
        "ListValue": {
          "fields": {
            "values": {
              "rule": "repeated",
              "type": "Value",
              "id": 1
            }
          }
        }
      }
    }
  }
};
