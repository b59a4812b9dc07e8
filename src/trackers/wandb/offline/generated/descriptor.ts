// Generated from proto/wandb/wandb_internal.proto by protobufjs-cli (pbjs -t json --keep-case). Do not edit.
// Regenerate: see README.md in this directory.

export const descriptor: Record<string, unknown> = {
  "nested": {
    "wandb_internal": {
      "nested": {
        "Record": {
          "oneofs": {
            "record_type": {
              "oneof": [
                "history",
                "summary",
                "output",
                "config",
                "files",
                "stats",
                "artifact",
                "telemetry",
                "metric",
                "output_raw",
                "run",
                "exit",
                "final",
                "header",
                "footer",
                "preempting"
              ]
            }
          },
          "fields": {
            "num": {
              "type": "int64",
              "id": 1
            },
            "history": {
              "type": "HistoryRecord",
              "id": 2
            },
            "summary": {
              "type": "SummaryRecord",
              "id": 3
            },
            "output": {
              "type": "OutputRecord",
              "id": 4
            },
            "config": {
              "type": "ConfigRecord",
              "id": 5
            },
            "files": {
              "type": "FilesRecord",
              "id": 6
            },
            "stats": {
              "type": "StatsRecord",
              "id": 7
            },
            "artifact": {
              "type": "bytes",
              "id": 8
            },
            "telemetry": {
              "type": "bytes",
              "id": 11
            },
            "metric": {
              "type": "bytes",
              "id": 12
            },
            "output_raw": {
              "type": "OutputRawRecord",
              "id": 13
            },
            "run": {
              "type": "RunRecord",
              "id": 17
            },
            "exit": {
              "type": "RunExitRecord",
              "id": 18
            },
            "final": {
              "type": "FinalRecord",
              "id": 20
            },
            "header": {
              "type": "HeaderRecord",
              "id": 21
            },
            "footer": {
              "type": "FooterRecord",
              "id": 22
            },
            "preempting": {
              "type": "RunPreemptingRecord",
              "id": 23
            },
            "control": {
              "type": "Control",
              "id": 16
            },
            "uuid": {
              "type": "string",
              "id": 19
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "Control": {
          "fields": {
            "req_resp": {
              "type": "bool",
              "id": 1
            },
            "local": {
              "type": "bool",
              "id": 2
            },
            "relay_id": {
              "type": "string",
              "id": 3
            },
            "mailbox_slot": {
              "type": "string",
              "id": 4
            },
            "always_send": {
              "type": "bool",
              "id": 5
            }
          }
        },
        "_RecordInfo": {
          "fields": {
            "stream_id": {
              "type": "string",
              "id": 1
            }
          }
        },
        "RunRecord": {
          "fields": {
            "run_id": {
              "type": "string",
              "id": 1
            },
            "entity": {
              "type": "string",
              "id": 2
            },
            "project": {
              "type": "string",
              "id": 3
            },
            "config": {
              "type": "ConfigRecord",
              "id": 4
            },
            "summary": {
              "type": "SummaryRecord",
              "id": 5
            },
            "run_group": {
              "type": "string",
              "id": 6
            },
            "job_type": {
              "type": "string",
              "id": 7
            },
            "display_name": {
              "type": "string",
              "id": 8
            },
            "notes": {
              "type": "string",
              "id": 9
            },
            "tags": {
              "rule": "repeated",
              "type": "string",
              "id": 10
            },
            "sweep_id": {
              "type": "string",
              "id": 12
            },
            "host": {
              "type": "string",
              "id": 13
            },
            "starting_step": {
              "type": "int64",
              "id": 14
            },
            "storage_id": {
              "type": "string",
              "id": 16
            },
            "start_time": {
              "type": "google.protobuf.Timestamp",
              "id": 17
            },
            "resumed": {
              "type": "bool",
              "id": 18
            },
            "telemetry": {
              "type": "bytes",
              "id": 19
            },
            "runtime": {
              "type": "int32",
              "id": 20
            },
            "git": {
              "type": "GitRepoRecord",
              "id": 21
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "GitRepoRecord": {
          "fields": {
            "remote_url": {
              "type": "string",
              "id": 1
            },
            "commit": {
              "type": "string",
              "id": 2
            }
          }
        },
        "ConfigRecord": {
          "fields": {
            "update": {
              "rule": "repeated",
              "type": "ConfigItem",
              "id": 1
            },
            "remove": {
              "rule": "repeated",
              "type": "ConfigItem",
              "id": 2
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "ConfigItem": {
          "fields": {
            "key": {
              "type": "string",
              "id": 1
            },
            "nested_key": {
              "rule": "repeated",
              "type": "string",
              "id": 2
            },
            "value_json": {
              "type": "string",
              "id": 16
            }
          }
        },
        "SummaryRecord": {
          "fields": {
            "update": {
              "rule": "repeated",
              "type": "SummaryItem",
              "id": 1
            },
            "remove": {
              "rule": "repeated",
              "type": "SummaryItem",
              "id": 2
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "SummaryItem": {
          "fields": {
            "key": {
              "type": "string",
              "id": 1
            },
            "nested_key": {
              "rule": "repeated",
              "type": "string",
              "id": 2
            },
            "value_json": {
              "type": "string",
              "id": 16
            }
          }
        },
        "HistoryRecord": {
          "fields": {
            "item": {
              "rule": "repeated",
              "type": "HistoryItem",
              "id": 1
            },
            "step": {
              "type": "HistoryStep",
              "id": 2
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "HistoryItem": {
          "fields": {
            "key": {
              "type": "string",
              "id": 1
            },
            "nested_key": {
              "rule": "repeated",
              "type": "string",
              "id": 2
            },
            "value_json": {
              "type": "string",
              "id": 16
            }
          }
        },
        "HistoryStep": {
          "fields": {
            "num": {
              "type": "int64",
              "id": 1
            }
          }
        },
        "StatsRecord": {
          "fields": {
            "stats_type": {
              "type": "StatsType",
              "id": 1
            },
            "timestamp": {
              "type": "google.protobuf.Timestamp",
              "id": 2
            },
            "item": {
              "rule": "repeated",
              "type": "StatsItem",
              "id": 3
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          },
          "nested": {
            "StatsType": {
              "values": {
                "SYSTEM": 0
              }
            }
          }
        },
        "StatsItem": {
          "fields": {
            "key": {
              "type": "string",
              "id": 1
            },
            "value_json": {
              "type": "string",
              "id": 16
            }
          }
        },
        "OutputRecord": {
          "fields": {
            "output_type": {
              "type": "OutputType",
              "id": 1
            },
            "timestamp": {
              "type": "google.protobuf.Timestamp",
              "id": 2
            },
            "line": {
              "type": "string",
              "id": 3
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          },
          "nested": {
            "OutputType": {
              "values": {
                "STDERR": 0,
                "STDOUT": 1
              }
            }
          }
        },
        "OutputRawRecord": {
          "fields": {
            "output_type": {
              "type": "OutputType",
              "id": 1
            },
            "timestamp": {
              "type": "google.protobuf.Timestamp",
              "id": 2
            },
            "line": {
              "type": "string",
              "id": 3
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          },
          "nested": {
            "OutputType": {
              "values": {
                "STDERR": 0,
                "STDOUT": 1
              }
            }
          }
        },
        "FilesRecord": {
          "fields": {
            "files": {
              "rule": "repeated",
              "type": "FilesItem",
              "id": 1
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "FilesItem": {
          "fields": {
            "path": {
              "type": "string",
              "id": 1
            },
            "policy": {
              "type": "PolicyType",
              "id": 2
            },
            "external_path": {
              "type": "string",
              "id": 16
            }
          },
          "nested": {
            "PolicyType": {
              "values": {
                "NOW": 0,
                "END": 1,
                "LIVE": 2
              }
            }
          }
        },
        "RunExitRecord": {
          "fields": {
            "exit_code": {
              "type": "int32",
              "id": 1
            },
            "runtime": {
              "type": "int32",
              "id": 2
            },
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "RunPreemptingRecord": {
          "fields": {
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "FinalRecord": {
          "fields": {
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "HeaderRecord": {
          "fields": {
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        },
        "FooterRecord": {
          "fields": {
            "_info": {
              "type": "_RecordInfo",
              "id": 200
            }
          }
        }
      }
    },
    "google": {
      "nested": {
        "protobuf": {
          "nested": {
            "Timestamp": {
              "fields": {
                "seconds": {
                  "type": "int64",
                  "id": 1
                },
                "nanos": {
                  "type": "int32",
                  "id": 2
                }
              }
            }
          }
        }
      }
    }
  }
};
